"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation, Person
from zhibu.core.web import DATE_INPUT

from .models import Attendance, CadenceRule, MeetingType

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
NOT_ON_ROSTER = _("所选人员不在本支部名册中，只能登记本支部的人员")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.name


class MeetingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    types = forms.ModelMultipleChoiceField(
        label=_("会议类型（可多选，一次会议可同时计入多种类型）"),
        queryset=MeetingType.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请至少选择一种会议类型")},
    )
    topic = forms.CharField(label=_("会议主题"), max_length=200)
    held_at = forms.DateTimeField(
        label=_("会议时间"),
        widget=DATETIME_INPUT,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": _("会议时间格式不正确，请按“年-月-日 时:分”填写")},
    )
    held = forms.BooleanField(
        label=_("已召开"), required=False, initial=True, help_text=_("未召开的计划会议请取消勾选")
    )
    place = forms.CharField(label=_("地点"), max_length=100, required=False)
    host = PersonChoice(label=_("主持人"), queryset=Person.objects.none(), required=False)
    recorder = PersonChoice(label=_("记录人"), queryset=Person.objects.none(), required=False)
    minutes = forms.CharField(label=_("会议记录"), widget=forms.Textarea, required=False)
    decisions = forms.CharField(label=_("形成决议"), widget=forms.Textarea, required=False)

    def __init__(self, *args, types, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["types"].queryset = types
        self.fields["host"].queryset = people
        self.fields["recorder"].queryset = people
        for name in ("host", "recorder"):
            self.fields[name].error_messages["invalid_choice"] = NOT_ON_ROSTER

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in {"version", "types"}}


class AttendeeForm(forms.Form):
    person = PersonChoice(
        label=_("人员"), queryset=Person.objects.none(), error_messages={"invalid_choice": NOT_ON_ROSTER}
    )
    status = forms.ChoiceField(label=_("出席情况"), choices=Attendance.Status.choices)
    reason = forms.CharField(label=_("请假事由"), max_length=200, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("请假事由"), max_length=200, required=False)


class VoteForm(forms.Form):
    subject = forms.CharField(label=_("表决事项"), max_length=200)
    approve = forms.IntegerField(label=_("赞成"), min_value=0)
    oppose = forms.IntegerField(label=_("反对"), min_value=0, initial=0)
    abstain = forms.IntegerField(label=_("弃权"), min_value=0, initial=0)


class AttachmentForm(forms.Form):
    upload = forms.FileField(
        label=_("文件"),
        help_text=_("照片（JPEG、PNG、GIF、WebP）或文档（PDF、Word、Excel），单个文件不超过10 MB"),
        error_messages={"required": _("请选择要上传的文件")},
    )
    caption = forms.CharField(label=_("说明"), max_length=200, required=False)


class MeetingTypeForm(forms.Form):
    name = forms.CharField(label=_("类型名称"), max_length=40)
    allows_non_members = forms.BooleanField(label=_("允许非党员列席"), required=False)


class RuleForm(forms.Form):
    meeting_type = forms.ModelChoiceField(label=_("会议类型"), queryset=MeetingType.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("适用党组织"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("全部支部（默认规则）"),
    )
    every = forms.ChoiceField(label=_("周期"), choices=CadenceRule.Every.choices)
    times = forms.IntegerField(label=_("每周期至少次数"), min_value=1, initial=1)
    term_time_only = forms.BooleanField(label=_("仅在学期内（寒暑假不计）"), required=False)
    effective_from = forms.DateField(label=_("生效日期"), widget=DATE_INPUT)
    basis = forms.CharField(label=_("依据"), max_length=200, required=False)

    def __init__(self, *args, types, orgs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting_type"].queryset = types
        self.fields["organisation"].queryset = orgs
