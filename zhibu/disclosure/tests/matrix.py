"""Every disclosure URL × every persona. The officers' pages: the branch's secretary and committee
(publishing and answering: the secretary); the public board: everyone, signed in or not."""

from __future__ import annotations

from zhibu.core.testing import ALL_OK, Case

from . import helpers
from .factories import NoticeAttachmentFactory

ORG_A = "?org=yucai"
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
SECRETARY = {**OFFICERS, "committee": 403}
POSTED = {**OFFICERS, "secretary": 302, "committee": 302}
SECRETARY_POSTED = {**SECRETARY, "secretary": 302}
PUBLIC = {**ALL_OK}


def a_draft(world):
    return {"pk": helpers.draft(world.branch).pk}


def a_published(world):
    return {"pk": helpers.notice(world.branch).pk}


def a_file(world):
    return {"pk": NoticeAttachmentFactory(notice=helpers.draft(world.branch), organisation=world.branch).pk}


def an_objection(world):
    return {"pk": helpers.objection(helpers.open_notice(world.branch)).pk}


def board(world):
    return {"code": world.branch.code}


def public_item(world):
    return {"code": world.branch.code, "pk": helpers.notice(world.branch).pk}


def public_file(world):
    notice = helpers.notice(world.branch)
    item = NoticeAttachmentFactory(notice=notice, organisation=world.branch)
    return {"code": world.branch.code, "pk": notice.pk, "file_pk": item.pk}


def open_notice(world):
    return {"code": world.branch.code, "pk": helpers.open_notice(world.branch).pk}


MATRIX = {
    "disclosure:index": Case(expect=OFFICERS, query=ORG_A),
    "disclosure:create": Case(expect=OFFICERS, query=ORG_A),
    "disclosure:export": Case(expect=OFFICERS, query=ORG_A),
    "disclosure:ledgers": Case(expect=OFFICERS, query=ORG_A),
    "disclosure:from_ledger": Case(expect=POSTED, query=ORG_A, method="post"),
    "disclosure:notice": Case(expect=OFFICERS, kwargs=a_draft),
    "disclosure:edit": Case(expect=OFFICERS, kwargs=a_draft),
    "disclosure:publish": Case(expect=SECRETARY_POSTED, kwargs=a_draft, method="post"),
    "disclosure:withdraw": Case(expect=SECRETARY_POSTED, kwargs=a_published, method="post"),
    "disclosure:attach": Case(expect=OFFICERS, kwargs=a_draft),
    "disclosure:attachment": Case(expect=OFFICERS, kwargs=a_file),
    "disclosure:detach": Case(expect=POSTED, kwargs=a_file, method="post"),
    "disclosure:answer": Case(expect=SECRETARY, kwargs=an_objection),
    "board:index": Case(expect=PUBLIC, kwargs=board, anonymous=200),
    "board:item": Case(expect=PUBLIC, kwargs=public_item, anonymous=200),
    "board:file": Case(expect=PUBLIC, kwargs=public_file, anonymous=200),
    "board:objection": Case(
        expect={p: 400 for p in PUBLIC}, kwargs=open_notice, method="post", anonymous=400
    ),
}
