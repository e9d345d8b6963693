"""Forms only parse; the services validate (with messages naming the field) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Award, CompetitionKind, HonourKind, Level, Recipient


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class HonourForm(VersionedForm):
    title = forms.CharField(
        label=_("荣誉名称"), max_length=100, required=False, help_text=_("如：局先进党支部")
    )
    kind = forms.ChoiceField(label=_("荣誉类别"), choices=[("", "—"), *HonourKind.choices], required=False)
    level = forms.ChoiceField(label=_("级别"), choices=[("", "—"), *Level.choices], required=False)
    issuer = forms.CharField(label=_("颁发单位"), max_length=100, required=False)
    awarded_on = forms.DateField(label=_("获得日期"), required=False, widget=DATE_INPUT)
    occasion = forms.CharField(
        label=_("评比或检查名称"), max_length=100, required=False, help_text=_("如：2023年教育政风行风检查")
    )
    recipient = forms.ChoiceField(label=_("获奖对象"), choices=Recipient.choices)
    person = PersonChoice(label=_("获奖人"), queryset=None, required=False, help_text=_("个人荣誉必填"))
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    attachment = forms.FileField(
        label=_("证书或文件"), required=False, help_text=_("JPG、PNG 或 PDF；编辑时不选则保留原文件")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class RoundForm(VersionedForm):
    title = forms.CharField(label=_("评比名称"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("评比类别"), choices=CompetitionKind.choices)
    held_on = forms.DateField(label=_("评比日期"), required=False, widget=DATE_INPUT)
    organiser = forms.CharField(
        label=_("主办"), max_length=100, required=False, help_text=_("如：党支部、教务处")
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("参赛人员（党员和教师）"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = people
        self.fields["participants"].label_from_instance = lambda p: p.name


class ParticipantForm(forms.Form):
    entry = forms.CharField(label=_("参赛课题或学案"), max_length=200, required=False)
    result = forms.CharField(label=_("评比结果"), max_length=200, required=False)
    award = forms.ChoiceField(label=_("获奖等次"), choices=Award.choices, required=False)


class ListFilter(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    person = PersonChoice(label=_("人员"), queryset=None, required=False, empty_label=_("全部人员"))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
