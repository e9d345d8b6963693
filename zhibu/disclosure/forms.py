"""Forms only parse; the services validate (with messages naming the field) and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zhibu.core.web import DATE_INPUT, VersionedForm

from .models import Kind, Status


class NoticeForm(VersionedForm):
    kind = forms.ChoiceField(label=_("类别"), choices=Kind.choices)
    title = forms.CharField(label=_("标题"), required=False, max_length=100)
    body = forms.CharField(
        label=_("正文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("只写姓名和职务，不写学生情况、身份证号、电话等个人信息"),
    )
    publish_from = forms.DateField(label=_("公开起始日期"), required=False, widget=DATE_INPUT)
    publish_until = forms.DateField(
        label=_("公开截止日期"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("公示必填（公示期）；其他事项可不填"),
    )


class AttachmentForm(forms.Form):
    upload = forms.FileField(
        label=_("附件"),
        required=False,
        help_text=_("JPG、PNG、Word（.docx）或 Excel（.xlsx）；上传时自动清除作者等文档信息"),
    )


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label=_("撤回原因"), required=False, max_length=200)


class AnswerForm(VersionedForm):
    answer = forms.CharField(label=_("答复"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    answered_on = forms.DateField(label=_("答复日期"), required=False, widget=DATE_INPUT)


class ObjectionForm(forms.Form):
    # Bounded here too, so an oversized post is refused before any work; the service checks again.
    name = forms.CharField(label=_("姓名"), max_length=40, required=False)
    contact = forms.CharField(
        label=_("联系方式"), max_length=60, required=False, help_text=_("仅供党支部答复时联系，不会公开")
    )
    text = forms.CharField(
        label=_("意见内容"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ListFilter(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    status = forms.ChoiceField(label=_("状态"), choices=[("", _("全部")), *Status.choices], required=False)
    kind = forms.ChoiceField(label=_("类别"), choices=[("", _("全部")), *Kind.choices], required=False)
