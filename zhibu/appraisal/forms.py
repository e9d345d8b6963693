"""Forms only parse; the services validate and write. Points are typed as text and parsed by the
services to a Decimal, so "-5" for a cap is refused with a message naming the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import CapPeriod, Rating

NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "decimal"})


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class RuleForm(VersionedForm):
    source = forms.ChoiceField(label=_("积分项目"))
    points = forms.CharField(
        label=_("每次积分"), max_length=20, widget=NUMBER_INPUT, help_text=_("可填小数，如0.5")
    )
    cap = forms.CharField(
        label=_("积分上限"),
        max_length=20,
        required=False,
        widget=NUMBER_INPUT,
        help_text=_("留空表示不设上限"),
    )
    cap_period = forms.ChoiceField(label=_("上限周期"), choices=CapPeriod.choices)
    effective_from = forms.DateField(label=_("生效日期"), required=False, widget=DATE_INPUT)
    effective_until = forms.DateField(label=_("失效日期"), required=False, widget=DATE_INPUT)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(s.code, s.label) for s in sources]


class AdjustmentForm(forms.Form):
    person = PersonChoice(label=_("党员"), queryset=None, required=False)
    day = forms.DateField(label=_("日期"), required=False, widget=DATE_INPUT)
    points = forms.CharField(
        label=_("调整分值"), max_length=20, widget=NUMBER_INPUT, help_text=_("扣分填负数，如-2")
    )
    reason = forms.CharField(label=_("调整原因"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class OpenForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), required=False)


class SelfAssessmentForm(VersionedForm):
    self_assessment = forms.CharField(
        label=_("自我评价"), required=False, widget=forms.Textarea(attrs={"rows": 8}), max_length=3000
    )


class DecisionForm(VersionedForm):
    decision = forms.ChoiceField(label=_("评议结果"), choices=[("", "—"), *Rating.choices], required=False)
    comment = forms.CharField(label=_("支部意见"), max_length=200, required=False)


class RatingsForm(forms.Form):
    """One select per colleague of the year's appraisal (not oneself)."""

    def __init__(self, *args, appraisals=(), done=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.appraisals = list(appraisals)
        self.done = done or {}
        for a in self.appraisals:
            self.fields[f"r_{a.pk}"] = forms.ChoiceField(
                label=a.person.name, choices=[("", _("（未评）")), *Rating.choices], required=False
            )

    def ratings(self) -> dict:
        return {a: self.cleaned_data.get(f"r_{a.pk}", "") for a in self.appraisals}

    def rows(self):
        return [(a, self[f"r_{a.pk}"], self.done.get(a.pk)) for a in self.appraisals]
