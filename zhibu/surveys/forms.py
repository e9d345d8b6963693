"""Forms only parse; the services validate (with messages naming the field) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Audience, QuestionKind, Rating


class SurveyForm(VersionedForm):
    title = forms.CharField(label=_("测评名称"), max_length=100, required=False)
    audience = forms.ChoiceField(label=_("测评对象"), choices=Audience.choices)
    opens_on = forms.DateField(label=_("开始日期"), required=False, widget=DATE_INPUT)
    closes_on = forms.DateField(label=_("截止日期"), required=False, widget=DATE_INPUT)
    respondents = forms.IntegerField(
        label=_("问卷份数"), required=False, help_text=_("每份一个问卷码，只能用一次")
    )
    rated = forms.CharField(
        label=_("满意度题目"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每行一题，选项为满意、基本满意、不满意"),
    )
    open_ended = forms.CharField(
        label=_("意见建议题目"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("每行一题，可不填"),
    )
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # questions stay as created
            del self.fields["rated"]
            del self.fields["open_ended"]


class AnswerForm(forms.Form):
    code = forms.CharField(
        label=_("问卷码"), max_length=40, required=False, help_text=_("见问卷条，如 7-ABCD2345")
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for n, q in enumerate(self.questions, start=1):
            label = f"{n}. {q.text}"
            if q.kind == QuestionKind.RATING:
                self.fields[f"q{q.pk}"] = forms.ChoiceField(
                    label=label, choices=Rating.choices, required=False, widget=forms.RadioSelect
                )
            else:
                self.fields[f"q{q.pk}"] = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )

    def ratings(self) -> dict[int, str]:
        return {
            q.pk: self.cleaned_data.get(f"q{q.pk}") or ""
            for q in self.questions
            if q.kind == QuestionKind.RATING
        }

    def texts(self) -> dict[int, str]:
        return {
            q.pk: self.cleaned_data.get(f"q{q.pk}") or ""
            for q in self.questions
            if q.kind == QuestionKind.TEXT
        }
