"""Forms only parse; the services validate and write."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.web import VersionedForm

from .models import plain
from .services import ItemSpec

# 名称 满分 权重, separated by commas (also Chinese ones), tabs or spaces; the weight may be left out.
SEPARATORS = re.compile(r"[,，、\t ]+")
ITEMS_HELP = _l(
    "每行一项：项目名称、满分、权重（用逗号或空格分隔，权重可省略，默认为1）。如：德育活动，15，1"
)


def items_text(items) -> str:
    return "\n".join(f"{i.name}，{plain(i.max_score)}，{plain(i.weight)}" for i in items)


class PlanForm(VersionedForm):
    title = forms.CharField(
        label=_l("考核名称"), max_length=100, help_text=_l("如：2026年度市直学校党建工作考核")
    )
    year = forms.IntegerField(label=_l("考核年度"))
    scope_label = forms.CharField(
        label=_l("排名范围"),
        max_length=20,
        required=False,
        help_text=_l("总结中写作“名列市直第四名”的“市直”"),
    )
    excellent_from = forms.DecimalField(label=_l("优秀（不低于）"), max_digits=5, decimal_places=2)
    good_from = forms.DecimalField(label=_l("良好（不低于）"), max_digits=5, decimal_places=2)
    pass_from = forms.DecimalField(label=_l("合格（不低于）"), max_digits=5, decimal_places=2)
    items = forms.CharField(
        label=_l("考核项目"), widget=forms.Textarea(attrs={"rows": 8}), help_text=ITEMS_HELP
    )

    def __init__(self, *args, items_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if items_locked:
            self.fields["items"].disabled = True
            self.fields["items"].help_text = _l("已开始评分，考核项目不能再修改。")

    def clean_items(self) -> list[ItemSpec]:
        specs = []
        for n, line in enumerate(self.cleaned_data["items"].splitlines(), start=1):
            parts = [p for p in SEPARATORS.split(line.strip()) if p]
            if not parts:
                continue
            if len(parts) not in (2, 3):
                raise ValidationError(
                    _("第%(n)d行“%(line)s”应写成：项目名称、满分、权重。") % {"n": n, "line": line.strip()}
                )
            try:
                numbers = [Decimal(p) for p in parts[1:]]
            except InvalidOperation:
                raise ValidationError(
                    _("第%(n)d行“%(line)s”的满分或权重不是数字。") % {"n": n, "line": line.strip()}
                ) from None
            weight = numbers[1] if len(numbers) > 1 else Decimal("1")
            specs.append(ItemSpec(name=parts[0], max_score=numbers[0], weight=weight))
        return specs
