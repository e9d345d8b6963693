"""Who may read and write a mentoring case. One rule, stated twice: once per object for
`policy.has_perm` (views, services) and once as SQL for lists (`readable_q`); tests prove they agree.

- mentoring.case.view: role secretary/committee/member on the branch, AND the user is the case's
  mentor, or holds mentoring.manage (the secretary) on the branch, or has an active CaseAccessGrant.
- mentoring.case.edit (plan, logs, outcome): the mentor or the secretary.
- mentoring.review (monthly check): the secretary for every case; a committee member only for the
  cases the secretary granted her access to (the grant is the delegation: reasoned, dated, audited).
- mentoring.manage: the secretary — students, cases, grants, settings, the booklet.
- mentoring.log.edit (rewriting one log): only someone who may edit the case, AND either the log's
  author or the secretary (mentoring.manage). Least access on purpose: edit alone would let a mentor
  rewrite what the secretary wrote about her case and vice versa without either being the author;
  the secretary is the one who answers for the ledger, so she may correct anyone's log. When a reason
  is needed (author after EDIT_DAYS, anyone else always) is log_edits.reason_required's rule.
- mentoring.log.remove (one log into the 回收站): the secretary, or the log's author while it is
  still her draft (the same EDIT_DAYS as rewriting it without a reason): after that the diary is a
  record, and only the one who answers for the ledger takes a page out. log_edits.can_remove_log.

The checker and the bureau carry no mentoring permission at all; a superuser without a role on the
branch is out of scope (404) — the admin registers no mentoring model.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from zhibu.core import policy

from .models import CaseAccessGrant, MentoringCase

VIEW = "mentoring.case.view"
EDIT = "mentoring.case.edit"
REVIEW = "mentoring.review"
MANAGE = "mentoring.manage"
LOG_EDIT = "mentoring.log.edit"
LOG_REMOVE = "mentoring.log.remove"


def _is_mentor(user, case: MentoringCase) -> bool:
    return bool(user.person_id) and user.person_id == case.mentor_id


def _is_branch_manager(user, case: MentoringCase) -> bool:
    return policy.has_perm(user, MANAGE, case.organisation)


def has_active_grant(user, case: MentoringCase) -> bool:
    return CaseAccessGrant.objects.filter(
        case=case, user=user, revoked_at__isnull=True, ends_on__gte=timezone.localdate()
    ).exists()


def can_view(user, case) -> bool:
    return _is_mentor(user, case) or _is_branch_manager(user, case) or has_active_grant(user, case)


def can_edit(user, case) -> bool:
    return _is_mentor(user, case) or _is_branch_manager(user, case)


def may_edit_log(user, log, *, edits_case: bool, manages: bool) -> bool:
    """The log rule given the two case-level answers, so a page listing many logs of one case asks
    them once (no query per row)."""
    return edits_case and (manages or (log.author_id is not None and log.author_id == user.pk))


def can_edit_log(user, log) -> bool:
    case = log.case
    return may_edit_log(user, log, edits_case=can_edit(user, case), manages=_is_branch_manager(user, case))


def manages_case(user, case) -> bool:
    return _is_branch_manager(user, case)


def can_review(user, case) -> bool:
    return _is_branch_manager(user, case) or has_active_grant(user, case)


def active_grant_exists(user) -> Exists:
    return Exists(
        CaseAccessGrant.objects.filter(
            case=OuterRef("pk"), user=user, revoked_at__isnull=True, ends_on__gte=timezone.localdate()
        )
    )


def readable_q(user) -> Q:
    """The SQL form of can_view, for lists: role in the branch AND (mentor | secretary | grant)."""
    own = Q(mentor_id=user.person_id) if user.person_id else Q(pk__in=[])
    managed = Q(organisation__in=policy.orgs_readable(user, MANAGE))
    return Q(organisation__in=policy.orgs_readable(user, VIEW)) & (own | managed | Q(granted_flag=True))


def reviewable_q(user) -> Q:
    managed = Q(organisation__in=policy.orgs_readable(user, MANAGE))
    return Q(organisation__in=policy.orgs_readable(user, REVIEW)) & (managed | Q(granted_flag=True))
