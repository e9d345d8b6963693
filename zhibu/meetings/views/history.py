"""补录往年会议: a branch that starts now enters its past years' meetings in one table, after saying
from which day on it keeps its ledgers here (what came before is history, not 补录)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhibu.core import policy
from zhibu.core.services.organisations import organisation_history_set
from zhibu.core.web import DATE_INPUT, chosen_organisation, form_page

from .. import selectors, services

ROWS = 12


class HistoryStartForm(forms.Form):
    day = forms.DateField(label=gettext_lazy("本支部开始使用本系统的日期"), widget=DATE_INPUT)


class HistoryRowForm(forms.Form):
    held_on = forms.DateField(label=gettext_lazy("日期"), required=False, widget=DATE_INPUT)
    time = forms.TimeField(
        label=gettext_lazy("时间"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    type = forms.ModelChoiceField(label=gettext_lazy("会议类型"), queryset=None, required=False)
    topic = forms.CharField(label=gettext_lazy("会议主题"), max_length=200, required=False)
    place = forms.CharField(label=gettext_lazy("地点"), max_length=100, required=False)

    def __init__(self, *args, types=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = types

    def clean(self):
        data = super().clean()
        filled = any(data.get(name) for name in ("held_on", "type", "topic", "place"))
        if filled:
            for name, label in (("held_on", _("日期")), ("type", _("会议类型")), ("topic", _("会议主题"))):
                if not data.get(name):
                    self.add_error(name, _("请填写%(what)s") % {"what": label})
        data["filled"] = filled
        return data


class HistoryTableForm(forms.Form):
    """The table as one form, so the page is one `form_page`: rows are sub-forms."""

    def __init__(self, data=None, *, types):
        super().__init__(data)
        self.rows = forms.formset_factory(HistoryRowForm, extra=ROWS)(data, form_kwargs={"types": types})

    def is_valid(self) -> bool:
        return self.rows.is_valid() and super().is_valid()

    def clean(self):
        data = super().clean()
        if self.rows.is_valid():
            data["rows"] = [row.cleaned_data for row in self.rows.forms if row.cleaned_data.get("filled")]
        return data


@login_required
def history_entry(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "meetings.edit")
    back = f"{reverse('meetings:history')}?org={org.code}"
    if request.method == "POST" and "day" in request.POST:
        start = HistoryStartForm(request.POST)
        table = HistoryTableForm(types=selectors.types_for(org))
        return form_page(
            request,
            start,
            save=lambda data: organisation_history_set(actor=request.user, org=org, day=data["day"]),
            success=_("已设置：此日期前的记录按历史补录处理，不再计为事后补录。"),
            redirect_to=back,
            template="meetings/history.html",
            context=lambda: _context(request, org, start, table),
        )
    table = HistoryTableForm(request.POST or None, types=selectors.types_for(org))
    start = HistoryStartForm(initial={"day": org.history_before})
    return form_page(
        request,
        table,
        save=lambda data: services.history_enter(actor=request.user, organisation=org, rows=data["rows"]),
        success=lambda made: _("已补录%(n)d次会议。") % {"n": len(made)},
        redirect_to=f"{reverse('meetings:list')}?org={org.code}",
        template="meetings/history.html",
        context=lambda: _context(request, org, start, table),
    )


def _context(request: HttpRequest, org, start: HistoryStartForm, table: HistoryTableForm) -> dict:
    return {
        "org": org,
        "start": start,
        "table": table,
        "can_set_start": org.history_before is None and policy.has_perm(request.user, "core.settings", org),
    }
