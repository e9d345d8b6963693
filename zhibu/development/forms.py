"""Forms only parse; the services validate (order, intervals, contacts) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import DevelopmentRule, Step


class PeopleChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


class VoteChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.meeting.held_at:%Y-%m-%d} {obj.meeting.topic}：{obj.subject}（赞成{obj.approve}）"


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("环节"), choices=Step.choices)
    day = forms.DateField(label=_("日期"), required=False, widget=DATE_INPUT)
    evidence = forms.CharField(
        label=_("佐证材料及情况"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("如：入党申请书、谈话记录、考察意见、政审结论、培训结业证书编号、支委会会议记录等"),
    )
    sponsors = PeopleChoice(
        label=_("培养联系人/入党介绍人"),
        queryset=None,
        required=False,
        help_text=_(
            "确定入党积极分子时选一至两名培养联系人；支部大会讨论接收时选两名入党介绍人（均须为正式党员）"
        ),
    )
    vote = VoteChoice(
        label=_("支部党员大会表决"),
        queryset=None,
        required=False,
        empty_label=_("（支部大会讨论接收时选择）"),
    )
    training_days = forms.IntegerField(label=_("培训天数"), min_value=0, required=False)
    training_hours = forms.IntegerField(label=_("培训学时"), min_value=0, required=False)
    extension_months = forms.IntegerField(label=_("延长预备期（月）"), min_value=0, required=False)

    def __init__(self, *args, sponsors=None, votes=None, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sponsors"].queryset = sponsors
        self.fields["vote"].queryset = votes
        if steps:  # the steps that may come next first, the rest after them
            self.fields["step"].choices = [c for c in Step.choices if c[0] in steps] + [
                c for c in Step.choices if c[0] not in steps
            ]


class RuleForm(forms.Form):
    effective_from = forms.DateField(label=_("施行日期"), required=False, widget=DATE_INPUT)
    edition = forms.CharField(label=_("依据文件"), max_length=100, required=False)
    from_step = forms.ChoiceField(label=_("起算环节"), choices=Step.choices)
    to_step = forms.ChoiceField(label=_("后续环节"), choices=Step.choices)
    kind = forms.ChoiceField(label=_("要求"), choices=DevelopmentRule.Kind.choices)
    months = forms.IntegerField(label=_("间隔（月）"), min_value=0, required=False)
    days = forms.IntegerField(label=_("间隔（天）"), min_value=0, required=False)
    source = forms.CharField(
        label=_("条文"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SettingsForm(VersionedForm):
    window_years = forms.IntegerField(
        label=_("多少年未发展党员即提示"),
        min_value=1,
        help_text=_("默认2年：近两年没有发展党员，工作台和总结的“存在的不足”会提示。"),
    )
