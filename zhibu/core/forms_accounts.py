"""Forms of the accounts and organisations pages. They offer only what the user may do (the
services decide again and have the last word)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import selectors
from .models import Organisation, Person
from .models.accounts import Role
from .services import accounts as account_services
from .web import DATE_INPUT, VersionedForm


class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return "\u3000" * max(obj.depth - 1, 0) + obj.name


class AccountCreateForm(forms.Form):
    username = forms.CharField(
        label=_lazy("用户名"),
        max_length=150,
        help_text=_lazy("登录时使用，只能包含英文字母、数字和 @ . + - _，建议用姓名拼音。"),
    )


class ConfirmForm(forms.Form):
    """A POST with its CSRF token and nothing else: the confirmation of a one-click action."""


class GrantForm(forms.Form):
    organisation = OrganisationChoice(label=_lazy("党组织"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(label=_lazy("角色"))
    include_subtree = forms.BooleanField(
        label=_lazy("含下级组织"), required=False, help_text=_lazy("仅上级党组织可授予，用于局党委等。")
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        orgs = list(selectors.grant_organisations(actor))
        self.fields["organisation"].queryset = selectors.grant_organisations(actor)
        offered = {value for org in orgs for value, _label in account_services.grantable_roles(actor, org)}
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in offered]
        if not any(account_services.is_superior(actor, org) for org in orgs):
            del self.fields["include_subtree"]

    def clean(self):
        data = super().clean()
        org, role = data.get("organisation"), data.get("role")
        if org and role:
            subtree = data.get("include_subtree", False)
            if not account_services.may_grant(self.actor, org, role, subtree):
                label = dict(Role.choices)[role]
                self.add_error(
                    "role", _("您不能在%(org)s授予“%(role)s”角色。") % {"org": org.name, "role": label}
                )
        return data


class OrganisationCreateForm(forms.Form):
    parent = OrganisationChoice(label=_lazy("上级组织"), queryset=Organisation.objects.none())
    code = forms.SlugField(
        label=_lazy("代码"),
        max_length=40,
        help_text=_lazy("英文字母、数字和连字符，如 school-21；建立后不能修改。"),
    )
    name = forms.CharField(label=_lazy("名称"), max_length=100)
    short_name = forms.CharField(label=_lazy("简称"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_lazy("类型"), choices=Organisation.Kind.choices, initial="branch")
    unit_name = forms.CharField(label=_lazy("所在单位"), max_length=100, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = selectors.parents_for(actor)


class RenameForm(VersionedForm):
    name = forms.CharField(label=_lazy("名称"), max_length=100)
    short_name = forms.CharField(label=_lazy("简称"), max_length=40, required=False)


class MoveForm(VersionedForm):
    parent = OrganisationChoice(label=_lazy("新的上级组织"), queryset=Organisation.objects.none())

    def __init__(self, *args, actor, org: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = selectors.parents_for(actor, org).exclude(pk=org.parent_id)


class CloseForm(VersionedForm):
    closed_on = forms.DateField(label=_lazy("撤销日期"), widget=DATE_INPUT, initial=timezone.localdate)


class SecretaryForm(forms.Form):
    name = forms.CharField(label=_lazy("书记姓名"), max_length=50)
    gender = forms.ChoiceField(label=_lazy("性别"), choices=Person.Gender.choices)
    member_since = forms.DateField(
        label=_lazy("入党日期"),
        widget=DATE_INPUT,
        help_text=_lazy("成为正式党员的日期；其他信息由书记登录后在人员名册中补充。"),
    )
    username = forms.CharField(
        label=_lazy("用户名"),
        max_length=150,
        help_text=_lazy("登录时使用，只能包含英文字母、数字和 @ . + - _，建议用姓名拼音。"),
    )
