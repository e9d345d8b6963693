"""Forms only parse; the services validate (with messages naming the field) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Scope

KINDS_HELP = _("每行一项：奖项 名额，如“优秀共产党员 4”“包教工作先进个人 2”；上级党委评选可写“先进党支部 3”")
CRITERIA_HELP = _("可不填。每行一项：考核项目 权重，如“日常工作表现 30”；权重之和为100")


class CampaignForm(VersionedForm):
    title = forms.CharField(label=_("评选名称"), max_length=100, required=False)
    year = forms.IntegerField(label=_("年度"), required=False)
    scope = forms.ChoiceField(label=_("评选方式"), choices=Scope.choices)
    opens_on = forms.DateField(label=_("开始日期"), required=False, widget=DATE_INPUT)
    closes_on = forms.DateField(label=_("截止日期"), required=False, widget=DATE_INPUT)
    kinds = forms.CharField(
        label=_("奖项和名额"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=KINDS_HELP
    )
    criteria = forms.CharField(
        label=_("量化考核项目和权重"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=CRITERIA_HELP,
    )
    ballot_weight = forms.CharField(
        label=_("投票得分权重（%）"),
        required=False,
        initial="100",
        help_text=_("综合得分 = 投票得分×该权重 + 量化得分×其余"),
    )
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # kinds and scope stay as created
            del self.fields["kinds"]
            del self.fields["scope"]


class NominationForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("奖项"), queryset=None, required=False)
    person = forms.ModelChoiceField(label=_("被推荐人"), queryset=None, required=False)
    reason = forms.CharField(label=_("推荐理由"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kinds=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["kind"].label_from_instance = lambda k: str(k)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: p.name
        self.fields["person"].help_text = _("推荐先进党支部时不填")


class BallotForm(forms.Form):
    """One group of tick boxes a kind; the quota is the service's to enforce (a ballot with too
    many names is refused whole, with the kind named)."""

    def __init__(self, *args, kinds=(), nominations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.by_pk = {n.pk: n for n in nominations}
        for kind in kinds:
            self.fields[f"kind_{kind.pk}"] = forms.TypedMultipleChoiceField(
                label=_("%(kind)s（最多选%(n)d人）") % {"kind": kind.name, "n": kind.quota},
                choices=[(n.pk, n.nominee) for n in nominations if n.kind_id == kind.pk],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def chosen(self) -> list:
        return [
            self.by_pk[pk]
            for name, pks in self.cleaned_data.items()
            if name.startswith("kind_")
            for pk in pks
        ]


class ScoresForm(forms.Form):
    """A text box per (nominee, criterion); the service checks each value and names a bad one."""

    def __init__(self, *args, nominations=(), criteria=(), scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = scores or {}
        self.rows = []
        for n in nominations:
            cells = []
            for c in criteria:
                name = f"s_{n.pk}_{c.pk}"
                value = scores.get((n.pk, c.pk))
                self.fields[name] = forms.CharField(
                    label=f"{n.nominee}·{c.name}",
                    required=False,
                    initial="" if value is None else value,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
                )
                cells.append(name)
            self.rows.append((n, [self[name] for name in cells]))

    def scores(self) -> dict[tuple[int, int], str]:
        out = {}
        for name, value in self.cleaned_data.items():
            _s, n, c = name.split("_")
            out[(int(n), int(c))] = value.strip()
        return out


class PublishForm(VersionedForm):
    published_on = forms.DateField(label=_("公示日期"), required=False, widget=DATE_INPUT)
