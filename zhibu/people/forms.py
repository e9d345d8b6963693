from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import PartyStatus, Person
from zhibu.core.web import DATE_INPUT, VersionedForm

from .services.persons import PERSON_FIELDS


class PersonForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = list(PERSON_FIELDS)  # the fields the service accepts, and no others
        # id_number is a TextField (it is stored encrypted) but one line of 18 characters to type.
        widgets = {"birth_date": DATE_INPUT, "left_on": DATE_INPUT, "id_number": forms.TextInput}


class PersonCreateForm(PersonForm):
    party_status = forms.ChoiceField(
        label=_("政治面貌"), choices=PartyStatus.choices, initial=PartyStatus.NONE
    )
    status_since = forms.DateField(label=_("政治面貌起始日期"), required=False, widget=DATE_INPUT)


class StatusChangeForm(VersionedForm):
    status = forms.ChoiceField(label=_("新的政治面貌"), choices=PartyStatus.choices)
    since = forms.DateField(label=_("起始日期"), widget=DATE_INPUT)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)
