"""Forms only parse; the services validate (with messages naming the field and the rule) and write.
The results are rows of (person, post, votes); empty rows are skipped."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Post
from zhibu.core.web import DATE_INPUT

from .models import TERM_YEARS
from .services.elections import Elected

ROWS = 7


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class ElectionForm(forms.Form):
    held_on = forms.DateField(label=_("选举日期"), required=False, widget=DATE_INPUT)
    presided_by = PersonChoice(label=_("主持人"), queryset=None, required=False)
    ballots_cast = forms.IntegerField(
        label=_("投票人数（实到会有选举权的党员）"), required=False, min_value=0
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presided_by"].queryset = people
        for n in range(1, ROWS + 1):
            self.fields[f"person_{n}"] = PersonChoice(
                label=_("当选人%(n)d") % {"n": n}, queryset=people, required=False
            )
            self.fields[f"post_{n}"] = forms.ChoiceField(
                label=_("职务"), choices=[("", "—"), *Post.choices], required=False
            )
            self.fields[f"votes_{n}"] = forms.IntegerField(label=_("得票数"), required=False, min_value=0)

    def rows(self) -> list[tuple[int, dict]]:
        return [(n, self[f"person_{n}"]) for n in range(1, ROWS + 1)]

    def service_data(self) -> dict:
        """The cleaned data as the service takes it: the results as Elected rows."""
        data = dict(self.cleaned_data)
        results = []
        for n in range(1, ROWS + 1):
            person, post, votes = data.pop(f"person_{n}"), data.pop(f"post_{n}"), data.pop(f"votes_{n}")
            if person is None and not post and votes is None:
                continue
            if person is None or not post or votes is None:
                raise forms.ValidationError(_("第%(n)d行：请同时填写当选人、职务和得票数") % {"n": n})
            results.append(Elected(person=person, post=post, votes=votes))
        data["results"] = results
        return data


class RegularForm(ElectionForm):
    term_years = forms.TypedChoiceField(label=_("任期"), choices=TERM_YEARS, coerce=int, initial=3)
    reason = forms.CharField(
        label=_("备注"), max_length=200, required=False, initial=_("支部党员大会换届选举")
    )


class ByElectionForm(ElectionForm):
    reason = forms.CharField(
        label=_("补选事由"),
        max_length=200,
        required=False,
        help_text=_("如：书记因病住院，委员调离，补选两名支委"),
    )
