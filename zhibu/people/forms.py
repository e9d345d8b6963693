from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import PartyStatus, Person, Post
from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import MarkKind
from .services.persons import PERSON_FIELDS, StatusBasis


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
    # Only for a change that skips stages (群众 → 正式党员): what it is, and why.
    basis = forms.ChoiceField(label=_("变动类型"), choices=StatusBasis.choices, required=False)
    reason = forms.CharField(
        label=_("原因"),
        max_length=150,
        required=False,
        help_text=_("组织关系转入或补录历史记录时必填，如：自XX党支部转入，介绍信编号……"),
    )


class TermStartForm(forms.Form):
    started_on = forms.DateField(label=_("换届日期（本届任期开始）"), widget=DATE_INPUT)
    note = forms.CharField(label=_("备注"), max_length=200, required=False, initial=_("支部党员大会选举产生"))


class HoldingAddForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("党员"),
        queryset=Person.objects.none(),
        empty_label=_("请选择"),
        error_messages={"invalid_choice": _("只能选择本支部的党员")},
    )
    post = forms.ChoiceField(label=_("职务"), choices=Post.choices)
    started_on = forms.DateField(label=_("任职开始日期"), widget=DATE_INPUT)
    by_election = forms.BooleanField(label=_("补选（届中增补）"), required=False)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices are the view's (a selector's queryset): the form reads no rows of its own.
        self.fields["person"].queryset = candidates


class HoldingEndForm(forms.Form):
    ended_on = forms.DateField(label=_("任职结束日期"), widget=DATE_INPUT)


# --- 组织关系转接 and 党籍 marks ---------------------------------------------------------------------
class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class _TransferFields(forms.Form):
    transferred_on = forms.DateField(label=_("转接日期"), required=False, widget=DATE_INPUT)
    other_organisation = OrganisationChoice(
        label=_("系统内的党组织"),
        queryset=None,
        required=False,
        empty_label=_("（系统外，填写下一栏）"),
    )
    other_name = forms.CharField(label=_("党组织名称（系统外）"), max_length=100, required=False)
    letter_number = forms.CharField(label=_("介绍信编号"), max_length=60, required=False)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_organisation"].queryset = organisations


class TransferOutForm(_TransferFields):
    pass


class TransferInForm(_TransferFields):
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    gender = forms.ChoiceField(label=_("性别"), choices=Person.Gender.choices)
    birth_date = forms.DateField(label=_("出生日期"), required=False, widget=DATE_INPUT)
    id_number = forms.CharField(label=_("身份证号"), max_length=18, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    party_status = forms.ChoiceField(
        label=_("政治面貌"),
        choices=[
            (PartyStatus.FULL, PartyStatus.FULL.label),
            (PartyStatus.PROBATIONARY, PartyStatus.PROBATIONARY.label),
        ],
    )
    member_since = forms.DateField(
        label=_("入党或转正日期"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("正式党员填转正日期，预备党员填入党日期"),
    )
    is_retired = forms.BooleanField(label=_("退休"), required=False)

    field_order = [
        "name",
        "gender",
        "birth_date",
        "id_number",
        "phone",
        "party_status",
        "member_since",
        "is_retired",
    ]

    PERSON_KEYS = ("name", "gender", "birth_date", "id_number", "phone", "is_retired")


class MarkForm(forms.Form):
    kind = forms.ChoiceField(label=_("党籍标记"), choices=MarkKind.choices)
    started_on = forms.DateField(label=_("开始日期"), required=False, widget=DATE_INPUT)
    ended_on = forms.DateField(
        label=_("结束日期"), required=False, widget=DATE_INPUT, help_text=_("仍在持续的不填")
    )
    reason = forms.CharField(label=_("原因"), max_length=200, required=False)


class MarkEndForm(VersionedForm):
    ended_on = forms.DateField(label=_("结束日期"), required=False, widget=DATE_INPUT)
