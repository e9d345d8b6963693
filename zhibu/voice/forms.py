"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Status


class NamedChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return getattr(obj, "name", None) or str(obj)


class PeopleChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


def _text(label, rows=4, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class ConsultationForm(VersionedForm):
    title = forms.CharField(label=_("拟决策事项"), max_length=200, required=False)
    question = _text(_("征求意见的问题"))
    opens_on = forms.DateField(label=_("开始日期"), required=False, widget=DATE_INPUT)
    closes_on = forms.DateField(label=_("截止日期"), required=False, widget=DATE_INPUT)
    asked = PeopleChoice(label=_("征求意见对象"), queryset=None, required=False)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asked"].queryset = members


class AnswerForm(forms.Form):
    text = _text(_("我的意见"), rows=6)


class RecordForm(forms.Form):
    person = NamedChoice(label=_("提出意见的党员"), queryset=None, required=False)
    meeting = NamedChoice(label=_("会议"), queryset=None, required=False)
    text = _text(_("意见"))

    def __init__(self, *args, people=None, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["meeting"].queryset = meetings


class SuggestionForm(VersionedForm):
    received_on = forms.DateField(label=_("提出日期"), required=False, widget=DATE_INPUT)
    author = NamedChoice(label=_("提出人"), queryset=None, required=False, empty_label=_("（匿名时不选）"))
    anonymous = forms.BooleanField(label=_("匿名"), required=False)
    consultation = NamedChoice(label=_("来自征求意见"), queryset=None, required=False, empty_label=_("无"))
    meeting = NamedChoice(label=_("来自会议"), queryset=None, required=False, empty_label=_("无"))
    topic = forms.CharField(
        label=_("类别或主题"), max_length=100, required=False, help_text=_("如：教学管理、后勤服务")
    )
    content = _text(_("意见建议内容"))

    def __init__(self, *args, people=None, consultations=None, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = people
        self.fields["consultation"].queryset = consultations
        self.fields["meeting"].queryset = meetings


class HandleForm(VersionedForm):
    status = forms.ChoiceField(label=_("办理状态"), choices=Status.choices)
    response = _text(_("答复意见"))
    responder = NamedChoice(label=_("答复人"), queryset=None, required=False)
    answered_on = forms.DateField(label=_("答复日期"), required=False, widget=DATE_INPUT)
    reason = _text(_("未采纳理由"), rows=3, help_text=_("选择“未采纳”时必须填写。"))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responder"].queryset = people


class SettingsForm(VersionedForm):
    answer_days = forms.IntegerField(label=_("意见建议答复时限（天）"), required=False)
