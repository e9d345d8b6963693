"""Forms only parse; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("要校对的文字"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("粘贴从网上或其他文稿复制来的文字，系统会标出疑似被机器替换的词语和常见错别字。"),
    )


class EntryForm(forms.Form):
    wrong = forms.CharField(label=_("错误写法"), max_length=20, required=False, help_text=_("如：开展"))
    right = forms.CharField(label=_("正确写法"), max_length=20, required=False, help_text=_("如：发展"))
    before = forms.CharField(
        label=_("前文"), max_length=20, required=False, help_text=_("只在紧跟这些字之后时提示，如：学校的")
    )
    after = forms.CharField(
        label=_("后文"), max_length=20, required=False, help_text=_("只在紧接这些字之前时提示，可不填")
    )
    note = forms.CharField(label=_("说明"), max_length=100, required=False)
