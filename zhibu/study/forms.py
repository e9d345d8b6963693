"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import NoteCheck, StudyForm

HOURS_INPUT = forms.NumberInput(attrs={"step": "0.5"})


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class SessionForm(VersionedForm):
    form = forms.ChoiceField(label=_("学习形式"), choices=StudyForm.choices)
    subject = forms.CharField(label=_("学习专题"), max_length=60, required=False, help_text=_("如：党史"))
    topic = forms.CharField(label=_("学习内容"), max_length=200, required=False)
    held_on = forms.DateField(label=_("学习日期"), required=False, widget=DATE_INPUT)
    hours = forms.DecimalField(label=_("学时"), max_digits=5, decimal_places=1, widget=HOURS_INPUT)
    speaker = PersonChoice(label=_("主讲人"), queryset=None, required=False)
    present = forms.ModelMultipleChoiceField(
        label=_("出席党员"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea)

    def __init__(self, *args, people=None, linked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = people
        self.fields["present"].queryset = people
        self.fields["present"].label_from_instance = lambda p: p.name
        if linked:
            # Date, topic and attendance are the meeting's.
            for name in ("topic", "held_on", "present"):
                del self.fields[name]


class FromMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("会议记录"), queryset=None, empty_label=_("请选择会议"))
    form = forms.ChoiceField(label=_("学习形式"), choices=StudyForm.choices)
    subject = forms.CharField(label=_("学习专题"), max_length=60, required=False, help_text=_("如：党史"))
    hours = forms.DecimalField(label=_("学时"), max_digits=5, decimal_places=1, widget=HOURS_INPUT)
    speaker = PersonChoice(label=_("主讲人"), queryset=None, required=False)
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea)

    def __init__(self, *args, meetings=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["speaker"].queryset = people


class TaskForm(VersionedForm):
    title = forms.CharField(label=_("自学任务"), max_length=200)
    material = forms.CharField(label=_("学习材料"), required=False, widget=forms.Textarea)
    assigned_on = forms.DateField(label=_("布置日期"), widget=DATE_INPUT)
    due_on = forms.DateField(label=_("完成期限"), widget=DATE_INPUT)
    hours = forms.DecimalField(label=_("学时"), max_digits=5, decimal_places=1, widget=HOURS_INPUT)


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("完成日期"), widget=DATE_INPUT)
    reflection = forms.CharField(
        label=_("学习体会"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReadingForm(VersionedForm):
    person = PersonChoice(label=_("党员"), queryset=None)
    title = forms.CharField(label=_("书名"), max_length=200)
    author = forms.CharField(label=_("作者"), max_length=100, required=False)
    finished_on = forms.DateField(
        label=_("读完日期"), widget=DATE_INPUT, help_text=_("8月为暑假，不属于任何学期")
    )
    notes = forms.CharField(label=_("读书心得"), required=False, widget=forms.Textarea)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]  # a member records her own
        else:
            self.fields["person"].queryset = people


class NoteForm(forms.Form):
    person = PersonChoice(label=_("党员"), queryset=None)
    written_on = forms.DateField(label=_("日期"), widget=DATE_INPUT)
    title = forms.CharField(label=_("标题"), max_length=200)
    text = forms.CharField(label=_("笔记内容"), required=False, widget=forms.Textarea)
    scan = forms.FileField(
        label=_("扫描件"), required=False, help_text=_("JPG、PNG 图片或 PDF；与笔记内容至少填一项")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = people


class CheckSheetForm(forms.Form):
    """The checker's month sheet: a result and remark per member (fields named by person id)."""

    checked_on = forms.DateField(label=_("检查日期"), widget=DATE_INPUT)

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("（未检查）")), *NoteCheck.Result.choices]
        for row in rows:
            pk = row["person"].pk
            check = row["check"]
            self.fields[f"result_{pk}"] = forms.ChoiceField(
                label=row["person"].name,
                choices=choices,
                required=False,
                initial=check.result if check else "",
            )
            self.fields[f"remark_{pk}"] = forms.CharField(
                label=_("备注"), max_length=200, required=False, initial=check.remark if check else ""
            )
            row["result_field"] = self[f"result_{pk}"]
            row["remark_field"] = self[f"remark_{pk}"]


class SettingsForm(VersionedForm):
    books_per_term = forms.IntegerField(label=_("每名党员每学期至少读书（本）"))
    member_hours = forms.DecimalField(label=_("党员年度学时"), max_digits=5, decimal_places=1)
    officer_hours = forms.DecimalField(label=_("书记、支委年度学时"), max_digits=5, decimal_places=1)
    weekly_hours = forms.DecimalField(
        label=_("每周学习不少于（小时）"),
        max_digits=5,
        decimal_places=1,
        required=False,
        widget=HOURS_INPUT,
        help_text=_("不填则不设每周要求"),
    )
    monthly_hours = forms.DecimalField(
        label=_("每月学习不少于（小时）"),
        max_digits=5,
        decimal_places=1,
        required=False,
        widget=HOURS_INPUT,
        help_text=_("不填则不设每月要求；8月暑假不计"),
    )
    min_activity_kinds = forms.IntegerField(
        label=_("每学期或每年活动形式不少于（种）"),
        min_value=0,
        max_value=20,
        help_text=_("组织生活和集中学习的形式（会议类型、学习形式）少于此数，总结中写“活动载体少，形式单一”"),
    )
    min_attendance_rate = forms.IntegerField(
        label=_("党员组织生活出席率不低于（%）"),
        min_value=0,
        max_value=100,
        help_text=_("出席率低于此数的党员人数，总结中写“少数党员认识不高”"),
    )
