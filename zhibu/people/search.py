from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Person
from zhibu.core.registries import search


@search.register("people", model=Person, label=_("人员"), perm="people.view", order=10)
def person_document(person: Person) -> search.Doc:
    # The pinyin is indexed, not shown: "zhangwen" finds 张文华. ID numbers are never indexed.
    return search.Doc(title=person.name, text=person.unit, keywords=person.name_pinyin)
