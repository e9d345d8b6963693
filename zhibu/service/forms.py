"""Forms only parse; the services validate and write."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core.periods import Period
from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import ContactKind, EventKind

WEEKDAYS = [(i, _("星期") + "一二三四五六日"[i]) for i in range(7)]
NUMBER = forms.NumberInput(attrs={"inputmode": "numeric"})
DECIMAL = forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"})


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class PeopleChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


def term_choices(today: date | None = None) -> list[tuple[str, str]]:
    today = today or timezone.localdate()
    terms = list(Period.span(date(today.year - 6, 9, 1), today).terms())
    return [(t.start.isoformat(), t.label) for t in reversed(terms)]


class EventForm(VersionedForm):
    kind = forms.ChoiceField(label=_("活动类别"), choices=EventKind.choices)
    title = forms.CharField(label=_("活动内容"), max_length=200)
    held_on = forms.DateField(label=_("活动日期"), widget=DATE_INPUT)
    place = forms.CharField(label=_("地点"), max_length=100, required=False)
    campaign = forms.CharField(
        label=_("所属主题活动"), max_length=100, required=False, help_text=_("如：文明使者在行动")
    )
    group = forms.ModelChoiceField(
        label=_("义工组织"), queryset=None, required=False, empty_label=_("（无）")
    )
    participants = PeopleChoice(label=_("参加人员（党员及非党员教职工）"), queryset=None, required=False)
    hours = forms.DecimalField(
        label=_("每人服务时长（小时）"),
        required=False,
        widget=DECIMAL,
        help_text=_("新勾选人员按此登记，个别人员可在详情页修改"),
    )
    outside_helpers = forms.IntegerField(
        label=_("社会爱心人士人数"), required=False, min_value=0, widget=NUMBER
    )
    note = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people=None, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = people
        self.fields["group"].queryset = groups


class HoursForm(forms.Form):
    hours = forms.DecimalField(label=_("服务时长（小时）"), widget=DECIMAL)


class GroupForm(VersionedForm):
    name = forms.CharField(label=_("义工组织名称"), max_length=60)
    leader = PersonChoice(label=_("负责人"), queryset=None)
    founded_on = forms.DateField(label=_("成立日期"), required=False, widget=DATE_INPUT)
    description = forms.CharField(label=_("简介"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = people


class TutoringForm(VersionedForm):
    """The quick-add: a phone's worth of fields, today's date and the usual 45 minutes filled in."""

    tutor = PersonChoice(label=_("补课党员"), queryset=None)
    held_on = forms.DateField(label=_("日期"), widget=DATE_INPUT)
    subject = forms.CharField(
        label=_("科目"), max_length=30, widget=forms.TextInput(attrs={"list": "subjects"})
    )
    students = forms.IntegerField(label=_("学生人数"), widget=NUMBER)
    minutes = forms.IntegerField(label=_("时长（分钟）"), widget=NUMBER)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, people=None, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own:  # a member logs her own: no tutor to choose
            del self.fields["tutor"]
        else:
            self.fields["tutor"].queryset = people


class SeriesForm(forms.Form):
    tutor = PersonChoice(label=_("补课党员"), queryset=None)
    weekday = forms.TypedChoiceField(label=_("每周"), choices=WEEKDAYS, coerce=int)
    subject = forms.CharField(label=_("科目"), max_length=30)
    students = forms.IntegerField(label=_("学生人数"), widget=NUMBER)
    minutes = forms.IntegerField(label=_("每次时长（分钟）"), widget=NUMBER)
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE_INPUT, help_text=_("一般为学期最后一天"))

    def __init__(self, *args, people=None, own: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own:
            del self.fields["tutor"]
        else:
            self.fields["tutor"].queryset = people


class PairForm(VersionedForm):
    helper = PersonChoice(label=_("帮扶人"), queryset=None)
    household = forms.CharField(label=_("帮扶对象"), max_length=60)
    hardship = forms.CharField(label=_("困难情况"), max_length=200, required=False)
    started_on = forms.DateField(label=_("结对日期"), widget=DATE_INPUT)
    ended_on = forms.DateField(label=_("结束日期"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["helper"].queryset = people


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("走访日期"), widget=DATE_INPUT)
    help_given = forms.CharField(label=_("帮扶内容"), max_length=200)
    money = forms.CharField(
        label=_("捐款金额（元）"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    note = forms.CharField(label=_("情况记录"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ClassForm(forms.Form):
    name = forms.CharField(label=_("班级"), max_length=30, help_text=_("如：七年级一班"))


class LiaisonForm(VersionedForm):
    person = PersonChoice(label=_("支委"), queryset=None)
    school_class = forms.ModelChoiceField(label=_("班级"), queryset=None)
    term_start = forms.TypedChoiceField(label=_("学期"), choices=(), coerce=date.fromisoformat)
    head_teacher = forms.CharField(label=_("班主任"), max_length=30, required=False)

    def __init__(self, *args, people=None, classes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["school_class"].queryset = classes
        self.fields["term_start"].choices = term_choices()


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("联系日期"), widget=DATE_INPUT)
    kind = forms.ChoiceField(label=_("联系方式"), choices=ContactKind.choices)
    content = forms.CharField(label=_("主要内容"), max_length=200)


class PartnerForm(VersionedForm):
    name = forms.CharField(label=_("协作班名称"), max_length=100)
    partner_school = forms.CharField(label=_("协作学校"), max_length=60)
    opened_on = forms.DateField(label=_("开班日期"), widget=DATE_INPUT)
    note = forms.CharField(label=_("开班情况"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PartnerSessionForm(forms.Form):
    held_on = forms.DateField(label=_("活动日期"), widget=DATE_INPUT)
    content = forms.CharField(label=_("活动内容"), max_length=200)
    students = forms.IntegerField(label=_("参加学生人数"), required=False, min_value=0, widget=NUMBER)
