"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class TalkForm(VersionedForm):
    held_on = forms.DateField(label=_("谈话日期"), required=False, widget=DATE_INPUT)
    talker = PersonChoice(label=_("谈话人（支委）"), queryset=None, required=False)
    talked_with = PersonChoice(label=_("谈话对象"), queryset=None, required=False)
    topic = forms.CharField(
        label=_("谈话主题"), max_length=100, required=False, help_text=_("如：思想动态、工作困难")
    )
    content = forms.CharField(
        label=_("谈话内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("只有谈话人和书记能看到谈话内容。"),
    )
    follow_up = forms.CharField(label=_("后续跟进"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, talkers=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["talker"].queryset = talkers
        self.fields["talked_with"].queryset = people


class SettingsForm(VersionedForm):
    monthly_quota = forms.IntegerField(label=_("每名支委每月谈心谈话（次）"), required=False)
