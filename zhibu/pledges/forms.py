"""Forms only parse; the services validate (with messages naming the field) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Scope


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def _text(label, rows: int = 3, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class PledgeForm(VersionedForm):
    scope = forms.ChoiceField(label=_("承诺主体"), choices=Scope.choices, initial=Scope.MEMBER)
    person = PersonChoice(label=_("承诺人"), queryset=None, required=False, help_text=_("党员的承诺必填"))
    title = forms.CharField(
        label=_("承诺名称"), max_length=100, required=False, help_text=_("如：2022—2023学年党员公开承诺")
    )
    identity = forms.CharField(
        label=_("亮身份"), max_length=100, required=False, help_text=_("如：中共党员、初二语文教师")
    )
    starts_on = forms.DateField(label=_("承诺日期"), required=False, widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("承诺期至"), required=False, widget=DATE_INPUT)
    note = _text(_("备注"))

    def __init__(self, *args, people=None, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own:  # a member makes her own pledge: she is its person
            del self.fields["scope"], self.fields["person"]
        else:
            self.fields["person"].queryset = people


class ItemForm(VersionedForm):
    content = forms.CharField(
        label=_("承诺事项"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_on = forms.DateField(label=_("完成时限"), required=False, widget=DATE_INPUT)
    responsible = PersonChoice(
        label=_("责任人"), queryset=None, required=False, help_text=_("党支部的承诺事项由哪位支委负责")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is None:  # a member's own item has no separate responsible person
            del self.fields["responsible"]
        else:
            self.fields["responsible"].queryset = people


class ProgressForm(forms.Form):
    noted_on = forms.DateField(label=_("日期"), required=False, widget=DATE_INPUT)
    text = _text(_("进展情况"))


class CloseForm(VersionedForm):
    closed_on = forms.DateField(label=_("销号日期"), required=False, widget=DATE_INPUT)
    evidence = _text(_("完成情况"), rows=4, help_text=_("写明完成情况，或上传佐证材料，二者至少其一"))
    attachment = forms.FileField(
        label=_("佐证材料"), required=False, help_text=_("照片、扫描件、PDF、Word 或 Excel")
    )


class ReopenForm(VersionedForm):
    reason = _text(_("重新打开原因"))


class DutyForm(VersionedForm):
    scope = forms.ChoiceField(label=_("职责主体"), choices=Scope.choices, initial=Scope.MEMBER)
    person = PersonChoice(label=_("党员"), queryset=None, required=False, help_text=_("党员的岗位职责必填"))
    post = forms.CharField(
        label=_("岗位"), max_length=60, required=False, help_text=_("如：组织委员、初二语文教师")
    )
    content = _text(_("岗位职责"), rows=5)
    starts_on = forms.DateField(label=_("起始日期"), required=False, widget=DATE_INPUT)
    ends_on = forms.DateField(
        label=_("截止日期"), required=False, widget=DATE_INPUT, help_text=_("仍在履行的不填")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ListFilter(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    person = PersonChoice(label=_("人员"), queryset=None, required=False, empty_label=_("全部人员"))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
