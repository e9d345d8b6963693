from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT

from .models import Notice


class NoticeForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200, required=False)
    body = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    kind = forms.ChoiceField(label=_("类别"), choices=Notice.Kind.choices, initial=Notice.Kind.RELAY)
    due_on = forms.DateField(label=_("完成期限"), widget=DATE_INPUT, required=False)
    all_branches = forms.BooleanField(label=_("发给全部下级支部"), required=False, initial=True)
    targets = forms.ModelMultipleChoiceField(
        label=_("或指定支部"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].queryset = branches

    def service_data(self) -> dict:
        """What notice_issue takes: targets None means every branch; the service judges the rest."""
        data = dict(self.cleaned_data)
        everyone = data.pop("all_branches")
        chosen = list(data["targets"])
        data["targets"] = None if everyone and not chosen else chosen
        return data


class RelayForm(forms.Form):
    done_on = forms.DateField(label=_("传达（完成）日期"), widget=DATE_INPUT, required=False)
    note = forms.CharField(
        label=_("情况说明"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("如：支部党员大会集中传达学习，应到14人，实到13人")}),
    )
