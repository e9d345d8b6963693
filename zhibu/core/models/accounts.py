from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login. Data access comes only from RoleGrants: `is_superuser` opens the admin for accounts
    and grants, never ledger data (mentoring records least of all)."""

    person = models.OneToOneField(
        "core.Person",
        verbose_name=_("对应人员"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)
    must_change_password = models.BooleanField(_("下次登录须修改密码"), default=False)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    @property
    def display_name(self) -> str:
        return self.person.name if self.person_id else self.username


class Role(models.TextChoices):
    SECRETARY = "secretary", _("书记")
    COMMITTEE = "committee", _("支委")
    MEMBER = "member", _("党员")
    CHECKER = "checker", _("校办检查员")
    BUREAU = "bureau", _("局党委查看")


class RoleGrant(models.Model):
    """A named role held on one organisation, optionally over its whole subtree (the bureau)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="grants")
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    include_subtree = models.BooleanField(_("含下级组织"), default=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("角色授权")
        verbose_name_plural = _("角色授权")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="rolegrant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()} @ {self.organisation}"
