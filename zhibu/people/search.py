from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Person
from zhibu.core.registries import search

from .models import StatusMark, Transfer


@search.register("people", model=Person, label=_("人员"), perm="people.view", order=10)
def person_document(person: Person) -> search.Doc:
    # The pinyin is indexed, not shown: "zhangwen" finds 张文华. ID numbers are never indexed.
    return search.Doc(title=person.name, text=person.unit, keywords=person.name_pinyin)


@search.register(
    "people.transfers",
    model=Transfer,
    label=_("组织关系转接"),
    perm="people.view",
    rows=lambda: Transfer.objects.select_related("person", "organisation"),
    order=12,
)
def transfer_document(transfer: Transfer) -> search.Doc:
    # Found by the member's name, the other organisation and the letter number.
    return search.Doc(
        title=str(transfer),
        text=f"{transfer.letter_number}\n{transfer.note}".strip(),
        day=transfer.transferred_on,
    )


@search.register(
    "people.marks",
    model=StatusMark,
    label=_("党籍标记"),
    perm="people.view",
    rows=lambda: StatusMark.objects.select_related("person", "organisation"),
    order=13,
)
def mark_document(mark: StatusMark) -> search.Doc:
    return search.Doc(title=str(mark), text=mark.reason, day=mark.started_on)
