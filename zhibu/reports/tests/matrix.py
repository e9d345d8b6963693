from datetime import date

from zhibu.core.periods import Period
from zhibu.core.testing import Case, officers

ORG_A = "?org=yucai"
NONE = {"secretary": 403, "committee": 403, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}


def _document(world) -> dict:
    from zhibu.reports import services

    record = services.document_generate(
        actor=world.users["secretary"],
        organisation=world.branch,
        kind="weekly",
        period=Period.week(date(2023, 5, 8)),
    )
    return {"pk": record.pk}


def _paragraph(world) -> dict:
    return {**_document(world), "key": "p1"}


def _download(world) -> dict:
    return {**_document(world), "fmt": "md"}


def _submission(world) -> dict:
    from zhibu.reports import services, submissions

    record = services.document_generate(
        actor=world.users["secretary"],
        organisation=world.branch,
        kind="weekly",
        period=Period.week(date(2023, 5, 8)),
    )
    return {"pk": submissions.submission_submit(actor=world.users["secretary"], document=record).pk}


EDIT_POST = officers(member=403, checker=403, bureau=403, secretary=302, committee=302)
BUREAU_ONLY = {
    "secretary": 403,
    "committee": 403,
    "member": 403,
    "checker": 403,
    "bureau": 200,
    "outsider": 403,
}

MATRIX = {
    "reports:index": Case(expect=officers(), query=ORG_A),
    "reports:generate": Case(
        expect={**EDIT_POST, "secretary": 200, "committee": 200}, query=ORG_A, method="post"
    ),
    "reports:workbook": Case(expect=officers(), query=ORG_A + "&start=2023-05-01&end=2023-05-31"),
    "reports:document": Case(expect=officers(), kwargs=_document),
    "reports:paragraph_edit": Case(expect=officers(bureau=403), kwargs=_paragraph),
    "reports:paragraph_accept": Case(expect=EDIT_POST, kwargs=_paragraph, method="post"),
    "reports:recheck": Case(expect=EDIT_POST, kwargs=_document, method="post"),
    "reports:redraft": Case(expect=EDIT_POST, kwargs=_document, method="post"),
    "reports:download": Case(expect=officers(), kwargs=_download),
    "reports:submit": Case(expect={**EDIT_POST, "committee": 403}, kwargs=_document, method="post"),
    "reports:submissions": Case(expect=BUREAU_ONLY),
    "reports:decide": Case(expect={**NONE, "bureau": 302}, kwargs=_submission, method="post"),
    "reports:deadline_set": Case(expect={**BUREAU_ONLY, "outsider": 403}, method="post"),
}
