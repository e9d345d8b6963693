"""换届 and 补选. A regular election opens a committee term (CommitteeTerm) for `term_years` and
records who was elected to which post with their votes; a by-election fills vacant posts of the
running term. The term and the posts themselves are the people ledger's rows: an election points
at the term it opened or filled, and each result at the post holding it created."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, Post, VersionedModel


class Kind(models.TextChoices):
    REGULAR = "regular", _("换届选举")
    BY_ELECTION = "by_election", _("补选")


TERM_YEARS = ((3, _("3年")), (5, _("5年")))


class Election(OrganisationOwned, VersionedModel):
    kind = models.CharField(_("选举类别"), max_length=12, choices=Kind.choices)
    held_on = models.DateField(_("选举日期"))
    term = models.ForeignKey(
        "core.CommitteeTerm", verbose_name=_("支委会届次"), on_delete=models.PROTECT, related_name="+"
    )
    term_years = models.PositiveSmallIntegerField(_("任期（年）"), choices=TERM_YEARS, default=3)
    presided_by = models.ForeignKey(
        "core.Person", verbose_name=_("主持人"), on_delete=models.PROTECT, related_name="+"
    )
    ballots_cast = models.PositiveSmallIntegerField(_("实到会有选举权的党员（投票人数）"))
    reason = models.CharField(_("选举事由"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("支委会选举")
        verbose_name_plural = _("支委会选举")
        indexes = [models.Index(fields=["organisation", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("elections:election", args=[self.pk])


class Result(OrganisationOwned):
    """One person elected to one post, with the votes for her; `holding` is the post it created."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="results")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("当选人"), on_delete=models.PROTECT, related_name="+"
    )
    post = models.CharField(_("职务"), max_length=20, choices=Post.choices)
    votes = models.PositiveSmallIntegerField(_("得票数"))
    holding = models.OneToOneField(
        "core.PostHolding", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("当选结果")
        verbose_name_plural = _("当选结果")
        constraints = [
            models.UniqueConstraint(fields=["election", "person"], name="elections_result_one_post")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_post_display()}（{self.votes}票）"

    def get_absolute_url(self) -> str:
        return reverse("elections:election", args=[self.election_id])
