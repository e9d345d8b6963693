"""Reads of the bureau app: the branches a committee oversees and the notices between them. Every
query starts from an organisation the view obtained through the user's scope."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from zhibu.core import policy
from zhibu.core.models import Organisation

from .models import Notice, NoticeReceipt

BRANCH = Organisation.Kind.BRANCH


def committees_overseen(user) -> QuerySet[Organisation]:
    """The committees whose grid the user may open (a branch is never overseen by itself)."""
    return policy.orgs_readable(user, "bureau.oversight").exclude(kind=BRANCH).order_by("path")


def branches_under(root: Organisation, text: str = "") -> QuerySet[Organisation]:
    qs = root.subtree().filter(kind=BRANCH)
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(short_name__icontains=text) | Q(code__icontains=text))
    return qs.order_by("path")


def branch_under(root: Organisation, code: str) -> Organisation:
    """A branch of root's subtree by code: 404 for another committee's branch."""
    found = branches_under(root).filter(code=code).first()
    if found is None:
        raise Http404
    return found


def _addressed_to(branch: Organisation) -> Q:
    issuers = [p for p in _ancestor_paths(branch.path) if p != branch.path]
    return Q(all_branches=True, organisation__path__in=issuers) | Q(targets=branch)


def _ancestor_paths(path: str) -> list[str]:
    codes = [c for c in path.strip("/").split("/") if c]
    return ["/" + "/".join(codes[:n]) + "/" for n in range(1, len(codes) + 1)]


def notices_for(branch: Organisation) -> QuerySet[Notice]:
    """Notices addressed to a branch (to all branches of a superior, or to it by name)."""
    return (
        Notice.objects.filter(_addressed_to(branch))
        .distinct()
        .select_related("organisation")
        .order_by("-due_on", "-pk")
    )


def notices_issued(org: Organisation) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(organisation=org)
        .annotate(done=Count("receipts", distinct=True), chosen=Count("targets", distinct=True))
        .order_by("-due_on", "-pk")
    )


def notice_in(qs: QuerySet[Notice], pk: int) -> Notice:
    found = qs.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def notice_issued_get(user, pk: int) -> Notice | None:
    """The notice when the user may issue notices where it was issued, else None."""
    notice = Notice.objects.select_related("organisation").filter(pk=pk).first()
    if notice is None or not policy.has_perm(user, "bureau.notices.issue", notice.organisation):
        return None
    return notice


def targets_of(notice: Notice) -> list[Organisation]:
    if notice.all_branches:
        return list(branches_under(notice.organisation))
    return list(notice.targets.order_by("path"))


def receipts_of(notice: Notice) -> dict[int, NoticeReceipt]:
    return {r.organisation_id: r for r in notice.receipts.select_related("recorded_by")}


def receipt_of(notice: Notice, branch: Organisation) -> NoticeReceipt | None:
    return NoticeReceipt.objects.filter(notice=notice, organisation=branch).first()


def receipts_for(branch: Organisation, notices) -> dict[int, NoticeReceipt]:
    return {
        r.notice_id: r
        for r in NoticeReceipt.objects.filter(organisation=branch, notice__in=[n.pk for n in notices])
    }


def open_notices(branches: list[Organisation], root: Organisation, due_before: date, due_from: date):
    """(branch, notice) for every notice addressed to one of `branches`, due in [due_from,
    due_before), that the branch has not recorded: three queries however many branches. `root` is
    the organisation whose subtree holds the branches (their issuers are it, its ancestors or
    committees inside it)."""
    scope = Q(organisation__path__in=_ancestor_paths(root.path)) | Q(organisation__path__startswith=root.path)
    notices = list(
        Notice.objects.filter(scope, due_on__gte=due_from, due_on__lt=due_before)
        .select_related("organisation")
        .prefetch_related("targets")
        .order_by("due_on", "pk")
    )
    done = set(
        NoticeReceipt.objects.filter(
            notice__in=[n.pk for n in notices], organisation__in=[b.pk for b in branches]
        ).values_list("notice_id", "organisation_id")
    )
    for notice in notices:
        chosen = {t.pk for t in notice.targets.all()}
        for branch in branches:
            addressed = (
                branch.pk in chosen
                if not notice.all_branches
                else branch.path.startswith(notice.organisation.path) and branch.pk != notice.organisation_id
            )
            if addressed and (notice.pk, branch.pk) not in done:
                yield branch, notice
