"""Forms only parse; services validate and write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zhibu.core.periods import Period
from zhibu.core.web import DATE_INPUT, VersionedForm

from .deadlines import WEEKDAYS

GENERATE_KINDS = [("annual", _("年度或阶段总结")), ("monthly", _("月工作总结")), ("weekly", _("周信息"))]


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("起始日期"), widget=DATE_INPUT)
    end = forms.DateField(label=_("截止日期"), widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError({"end": _("截止日期不能早于起始日期。")})
        return data


class GenerateForm(PeriodForm):
    kind = forms.ChoiceField(label=_("材料类型"), choices=GENERATE_KINDS)
    field_order = ["kind", "start", "end"]

    def period(self) -> Period:
        """A weekly bulletin covers the week of its start date, a monthly summary the month; an
        annual summary covers exactly the dates given (a year or a campaign's span)."""
        kind, start, end = self.cleaned_data["kind"], self.cleaned_data["start"], self.cleaned_data["end"]
        if kind == "weekly":
            return Period.week(start)
        if kind == "monthly":
            return Period.month(start.year, start.month)
        from .drafting import period_between

        return period_between(start, end)


class ParagraphForm(VersionedForm):
    text = forms.CharField(
        label=_("段落内容"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,
        help_text=_("形如 {fig:people.members} 的是数字引用：保留它，数字会自动取自台账并可追溯到记录。"),
    )


class DecideForm(VersionedForm):
    action = forms.ChoiceField(choices=[("receive", _("接收")), ("return", _("退回"))])
    reason = forms.CharField(label=_("退回原因"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DeadlineForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("材料类型"), choices=[("weekly", _("周信息")), ("monthly", _("月工作总结"))]
    )
    weekday = forms.TypedChoiceField(
        label=_("每周截止（星期）"),
        choices=[("", "—")] + [(str(i), w) for i, w in enumerate(WEEKDAYS)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    day_of_month = forms.IntegerField(label=_("次月截止日"), required=False)
