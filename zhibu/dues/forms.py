"""Forms only parse; the services validate and write. Money is typed as text and parsed by the
services to a Decimal, so "3000.005" is refused with a message naming the field, never rounded."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT

from .models import PaymentKind

MONEY_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0.00"})
MONTH_INPUT = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d"]


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def money_field(label, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=30, widget=MONEY_INPUT, **kwargs)


def month_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, input_formats=MONTH_FORMATS, widget=MONTH_INPUT, **kwargs)


class BaseForm(forms.Form):
    person = PersonChoice(label=_("党员"), queryset=None, required=False, empty_label=_("（选择党员）"))
    effective_from = month_field(_("起始月份"), required=False)
    amount = money_field(_("月交纳基数（元）"), help_text=_("税后工资中的固定部分，按元填写到分"))
    no_income = forms.BooleanField(label=_("学生或无收入（每月交纳0.20元）"), required=False)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class PaymentForm(forms.Form):
    person = PersonChoice(label=_("党员"), queryset=None, required=False, empty_label=_("（选择党员）"))
    kind = forms.ChoiceField(label=_("类别"), choices=PaymentKind.choices, initial=PaymentKind.REGULAR)
    paid_on = forms.DateField(label=_("交纳日期"), required=False, widget=DATE_INPUT)
    first_month = month_field(_("起始月份"), required=False)
    last_month = month_field(_("截止月份"), required=False, help_text=_("只交一个月可不填"))
    amount = money_field(_("金额（元）"), help_text=_("按月交纳可不填，按应交党费计；自愿多交须填写"))
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class CollectionForm(forms.Form):
    """A month's collection: for each member due that month, a tick and the amount (pre-filled with
    her due); members already paid or without a base are shown, not entered."""

    paid_on = forms.DateField(label=_("交纳日期"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)  # (person, book.Month) in the page's order
        for person, month in self.members:
            if month.unpaid:
                self.fields[f"paid_{person.pk}"] = forms.BooleanField(label=_("已交"), required=False)
                self.fields[f"amount_{person.pk}"] = money_field(_("金额（元）"), initial=month.due)

    def rows(self):
        return [
            (
                person,
                month,
                self[f"paid_{person.pk}"] if month.unpaid else None,
                self[f"amount_{person.pk}"] if month.unpaid else None,
            )
            for person, month in self.members
        ]

    def service_rows(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"person": p, "paid": data.get(f"paid_{p.pk}"), "amount": data.get(f"amount_{p.pk}")}
            for p, month in self.members
            if month.unpaid
        ]


class BandSetForm(forms.Form):
    effective_from = month_field(_("执行月份"), required=False)
    lines = forms.CharField(
        label=_("各档标准"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "每行一档：类别,月收入上限,比例%,每月固定额。如“在职党员,3000,0.5,”、“学生和无收入党员,,,0.20”"
        ),
    )
    source = forms.CharField(label=_("依据"), max_length=200, required=False)
