"""Forms only parse; the services validate and write. Money is typed as text and parsed by the
services to a Decimal, so "1.005" is refused with a message naming the field, never rounded."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import VisitCategory

MONEY_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0.00"})


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class PeopleChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


def money_field(label) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=30, widget=MONEY_INPUT)


class VisitForm(VersionedForm):
    category = forms.ChoiceField(label=_("慰问对象类别"), choices=VisitCategory.choices)
    visited_on = forms.DateField(label=_("走访日期"), required=False, widget=DATE_INPUT)
    person = PersonChoice(
        label=_("受慰问人（本单位人员）"), queryset=None, required=False, empty_label=_("不是本单位人员")
    )
    visited_name = forms.CharField(
        label=_("受慰问对象（本单位以外）"),
        max_length=60,
        required=False,
        help_text=_("如：张文华的母亲、社区困难户、市第一敬老院"),
    )
    pseudonym = forms.CharField(
        label=_("学生家庭代称"),
        max_length=10,
        required=False,
        help_text=_("走访困难学生家庭只记“学生家庭”和代称（如：甲、A），不填学生或家长姓名"),
    )
    headcount = forms.IntegerField(label=_("慰问人数"), min_value=1, initial=1)
    visitors = PeopleChoice(label=_("走访人员"), queryset=None, required=False)
    other_visitors = forms.CharField(
        label=_("其他走访人员"), max_length=200, required=False, help_text=_("如：局生教办崔主任")
    )
    goods = forms.CharField(label=_("慰问物品"), max_length=200, required=False)
    money = money_field(_("慰问金（元）"))
    notes = forms.CharField(label=_("情况记录"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["visitors"].queryset = people


class DriveForm(VersionedForm):
    purpose = forms.CharField(label=_("捐款事由"), max_length=200)
    beneficiary = forms.CharField(label=_("受助对象"), max_length=100)
    started_on = forms.DateField(label=_("开始日期"), widget=DATE_INPUT)
    ended_on = forms.DateField(label=_("结束日期"), required=False, widget=DATE_INPUT)
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class GiftForm(VersionedForm):
    donor = PersonChoice(
        label=_("捐款人（本单位人员）"), queryset=None, required=False, empty_label=_("校外捐款人")
    )
    donor_name = forms.CharField(
        label=_("校外捐款人"), max_length=100, required=False, help_text=_("如：丹东日报读者、社会爱心人士")
    )
    appeal_by = PersonChoice(label=_("呼吁筹措的党员"), queryset=None, required=False, empty_label=_("无"))
    given_on = forms.DateField(label=_("捐款日期"), required=False, widget=DATE_INPUT)
    amount = money_field(_("金额（元）"))
    in_kind = forms.CharField(label=_("捐赠物品"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = people
        self.fields["appeal_by"].queryset = people


class ChecklistForm(forms.Form):
    """The month's 问寒问暖 table: for each retiree, who called, on which day, what was raised."""

    def __init__(self, *args, retirees=(), callers=None, calls=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.retirees = list(retirees)
        self.calls = calls = calls or {}
        for person in self.retirees:
            call = calls.get(person.pk)
            self.fields[f"called_on_{person.pk}"] = forms.DateField(
                label=_("致电日期"), required=False, widget=DATE_INPUT, initial=call and call.called_on
            )
            self.fields[f"caller_{person.pk}"] = PersonChoice(
                label=_("致电人"),
                queryset=callers,
                required=False,
                initial=call and call.caller_id,
                empty_label=_("（选择致电人）"),
            )
            self.fields[f"raised_{person.pk}"] = forms.CharField(
                label=_("反映的情况"), max_length=200, required=False, initial=call.raised if call else ""
            )

    def rows(self):
        """(retiree, its bound fields, the call on file or None) for the table."""
        return [
            (
                p,
                self[f"called_on_{p.pk}"],
                self[f"caller_{p.pk}"],
                self[f"raised_{p.pk}"],
                self.calls.get(p.pk),
            )
            for p in self.retirees
        ]
