from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .base import VersionedModel


class Organisation(VersionedModel):
    """A party organisation: the bureau's 党委 at the top, 党总支, 党支部, 党小组 below.

    `path` is a materialised path of codes ("/bureau/school-20/") so a subtree is one indexed
    prefix query, whatever the depth; services set it, codes never change.
    """

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("党委")
        GENERAL_BRANCH = "general_branch", _("党总支")
        BRANCH = "branch", _("党支部")
        GROUP = "group", _("党小组")

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=400, db_index=True, editable=False)
    unit_name = models.CharField(_("所在单位"), max_length=100, blank=True)
    # The day the branch started keeping its ledgers in zhibu: what happened before it and is entered
    # now is history (补录 of past years on purpose), not a record entered late.
    history_before = models.DateField(_("历史记录截止日期"), null=True, blank=True)
    # A closed (撤销) organisation keeps its rows: its people, records and past figures stay in every
    # period they belong to; it only stops taking new accounts, roles and sub-organisations.
    closed_on = models.DateField(_("撤销日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("党组织")
        verbose_name_plural = _("党组织")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def subtree(self) -> QuerySet["Organisation"]:
        return Organisation.objects.filter(path__startswith=self.path)

    def ancestors(self) -> QuerySet["Organisation"]:
        codes = [code for code in self.path.strip("/").split("/") if code]
        return Organisation.objects.filter(code__in=codes).exclude(pk=self.pk)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1
