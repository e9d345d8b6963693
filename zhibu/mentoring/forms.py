"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Dimension, Outcome, Scheme, Student, StudentKind

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class SettingsForm(VersionedForm):
    default_scheme = forms.ChoiceField(label=_("默认帮教形式"), choices=Scheme.choices)
    guardian_contact_enabled = forms.BooleanField(
        label=_("登记监护人联系方式"), required=False, help_text=_("仅在确有需要时开启，联系方式加密保存。")
    )
    retention_years = forms.IntegerField(
        label=_("学生离校后保留年限"), min_value=1, max_value=30, help_text=_("默认3年，到期后匿名化。")
    )


class StudentForm(VersionedForm):
    name = forms.CharField(label=_("姓名"), max_length=50, help_text=_("加密保存，仅在帮教记录内显示。"))
    class_name = forms.CharField(label=_("班级"), max_length=40)
    gender = forms.ChoiceField(label=_("性别"), choices=Student.Gender.choices)
    birth_year = forms.IntegerField(label=_("出生年份"), required=False)
    enrolled_on = forms.DateField(label=_("入学日期"), required=False, widget=DATE_INPUT)
    left_on = forms.DateField(label=_("离校日期"), required=False, widget=DATE_INPUT)
    guardian_contact = forms.CharField(label=_("监护人联系方式"), max_length=100, required=False)

    def __init__(self, *args, guardian_enabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not guardian_enabled:
            del self.fields["guardian_contact"]


class CaseCreateForm(forms.Form):
    student = forms.ModelChoiceField(label=_("学生"), queryset=Student.objects.none())
    mentor = forms.ChoiceField(label=_("包教党员"))
    scheme = forms.ChoiceField(label=_("帮教形式"), choices=Scheme.choices)
    student_kind = forms.ChoiceField(
        label=_("帮教对象类别"), choices=[("", _("未分类"))] + StudentKind.choices, required=False
    )
    started_on = forms.DateField(label=_("开始日期"), widget=DATE_INPUT)

    def __init__(self, *args, students, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students
        self.fields["student"].label_from_instance = lambda s: f"{s.pseudonym}（{s.class_name}）"
        self.fields["mentor"].choices = [("", "---------")] + [(str(p.pk), p.name) for p in mentors]
        self.fields["started_on"].initial = timezone.localdate()


class PlanForm(VersionedForm):
    plan_thinking = forms.CharField(label=_("思想"), required=False, widget=TEXTAREA)
    plan_study = forms.CharField(label=_("学习"), required=False, widget=TEXTAREA)
    plan_life = forms.CharField(label=_("生活"), required=False, widget=TEXTAREA)
    plan_psychology = forms.CharField(label=_("心理行为"), required=False, widget=TEXTAREA)


class LogForm(forms.Form):
    on = forms.DateField(label=_("日期"), widget=DATE_INPUT)
    dimension = forms.ChoiceField(label=_("方面"), choices=Dimension.choices)
    text = forms.CharField(label=_("做了什么"), widget=TEXTAREA)
    observation = forms.CharField(label=_("观察与效果"), required=False, widget=TEXTAREA)
    attachment = forms.FileField(
        label=_("附件"), required=False, help_text=_("可选：JPG、PNG 图片或 PDF，加密保存，最大 10 MB。")
    )


class LogEditForm(VersionedForm):
    on = forms.DateField(label=_("日期"), widget=DATE_INPUT)
    dimension = forms.ChoiceField(label=_("方面"), choices=Dimension.choices)
    text = forms.CharField(label=_("做了什么"), widget=TEXTAREA)
    observation = forms.CharField(label=_("观察与效果"), required=False, widget=TEXTAREA)
    reason = forms.CharField(
        label=_("修改原因"),
        max_length=200,
        required=False,  # the service says why it is needed (超过7天 / 他人填写)
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("原内容将加密保存，可在日志的修改记录中查看。"),
    )

    def __init__(self, *args, needs_reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_reason:
            del self.fields["reason"]


class OutcomeForm(VersionedForm):
    outcome = forms.ChoiceField(label=_("转化情况"), choices=Outcome.choices)
    outcome_on = forms.DateField(label=_("认定日期"), required=False, widget=DATE_INPUT)
    evidence = forms.CharField(label=_("转化依据"), required=False, widget=TEXTAREA)
    ended_on = forms.DateField(
        label=_("结束日期"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("帮教结束时填写；留空表示仍在进行。"),
    )


class GrantForm(forms.Form):
    user = forms.ChoiceField(label=_("授权对象"))
    reason = forms.CharField(label=_("授权理由"), max_length=200)
    ends_on = forms.DateField(label=_("有效期至"), widget=DATE_INPUT)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "---------")] + [(str(u.pk), u.display_name) for u in users]


class ReviewForm(forms.Form):
    month = forms.DateField(widget=forms.HiddenInput)
    reviewed = forms.BooleanField(label=_("已检查"), required=False)
    remark = forms.CharField(label=_("检查意见"), max_length=300, required=False)


class SeminarForm(forms.Form):
    meeting = forms.ChoiceField(label=_("座谈会"))

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", "---------")] + [(str(m.pk), str(m)) for m in meetings]


class BookletForm(forms.Form):
    cases = forms.MultipleChoiceField(
        label=_("选择记录"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("不选则包含全部记录。"),
    )
    real_names = forms.BooleanField(label=_("使用学生真实姓名"), required=False)
    confirm = forms.BooleanField(
        label=_("我确认：小册子将显示未成年学生的真实姓名，仅限内部使用，本次选择将记入操作日志"),
        required=False,
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [
            (str(c.pk), f"{c.student.pseudonym} · {c.mentor.name} · {c.started_on:%Y-%m}") for c in cases
        ]
