"""Roster (花名册) import and export.

Import validates every row of the file first — cells, cross-field rules, duplicates inside the
file and against the database — and writes only when there is no problem at all; then every person
is created through person_add (the same path as the form; people.import implies the right to
add) in one transaction, with one summary audit entry beside the per-person ones.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zhibu.core import audit, downloads, policy
from zhibu.core.crypto import blind_index
from zhibu.core.models import Organisation, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.registries.exporters import Progress, Rendered, no_progress
from zhibu.core.spreadsheets import templates
from zhibu.core.spreadsheets.files import Upload, limit_text
from zhibu.core.spreadsheets.reading import ImportResult, parse_upload

from ..audit_actions import PeopleAction
from ..exporters import ROSTER
from ..roster import PersonRow, person_rows, roster_spec
from .persons import person_add


def _check_existing_ids(result: ImportResult, rows: list[PersonRow], organisation: Organisation) -> None:
    digests = {blind_index(r.data["id_number"], "person.id_number"): r for r in rows if r.data["id_number"]}
    if not digests:
        return
    taken = Person.objects.filter(id_number_digest__in=digests, left_on__isnull=True).values_list(
        "id_number_digest", "name", "organisation_id"
    )
    for digest, name, org_id in taken:
        # Name the holder only when they are on this branch's own roster: the importer may not see
        # other branches' people, and the message must not leak who they are.
        if org_id == organisation.pk:
            reason = _("该身份证号已登记在本支部的%(name)s名下") % {"name": name}
        else:
            reason = _("该身份证号已在系统中登记（属于其他党组织）")
        result.add_error(digests[digest].row, "id_number", reason)


def _check_existing_names(result: ImportResult, rows: list[PersonRow], organisation: Organisation) -> None:
    """Without an ID number, a name already on the roster is almost always the same person imported
    twice; two different people of the same name are told apart by their ID numbers."""
    unidentified = [r for r in rows if not r.data["id_number"]]
    names = {r.data["name"] for r in unidentified}
    if not names:
        return
    present = set(
        Person.objects.filter(organisation=organisation, name__in=names).values_list("name", flat=True)
    )
    first_row: dict[str, int] = {}
    for r in unidentified:
        name = r.data["name"]
        if name in present:
            reason = _("本支部名册中已有%(name)s；如是不同的人，请填写身份证号加以区分") % {"name": name}
            result.add_error(r.row, "name", reason)
        elif name in first_row:
            reason = _("与第%(n)d行同名且都未填身份证号，请填写身份证号加以区分") % {"n": first_row[name]}
            result.add_error(r.row, "name", reason)
        else:
            first_row[name] = r.row


def roster_validate(
    *, organisation: Organisation, upload: Upload, filename: str = ""
) -> tuple[ImportResult, list[PersonRow]]:
    """Every check an import makes, without writing: (result with all errors, the people to create)."""
    result = parse_upload(upload, roster_spec(), filename=filename)
    if not result.rows:
        return result, []
    rows = person_rows(result, organisation)
    _check_existing_ids(result, rows, organisation)
    _check_existing_names(result, rows, organisation)
    result.sort_errors()
    return result, rows


def roster_import(
    *, actor, organisation: Organisation, upload: Upload, filename: str = "", progress: Progress = no_progress
) -> ImportResult:
    """Import a roster file; result.errors lists every problem and then nothing was written.
    `progress(done, total)` follows the rows written (a background job shows it as a bar)."""
    policy.require(actor, "people.import", organisation)
    result, rows = roster_validate(organisation=organisation, upload=upload, filename=filename)
    if not result.ok:
        return result
    progress(0, len(rows))
    current: PersonRow | None = None
    try:
        # Durable: when this returns, all the people and the summary entry are committed, or none.
        with transaction.atomic(durable=True):
            for done, current in enumerate(rows, start=1):
                person_add(
                    actor=actor,
                    organisation=organisation,
                    data=current.data,
                    party_status=current.party_status,
                    status_since=current.status_since,
                )
                progress(done, len(rows))
            summary = {
                "created": len(rows),
                "members": sum(1 for r in rows if r.party_status in MEMBER_STATUSES),
                "sheet": result.sheet,
                "file": filename or getattr(upload, "name", ""),
            }
            audit.record(actor, PeopleAction.ROSTER_IMPORTED, organisation, after=summary)
    except (ValidationError, IntegrityError) as exc:
        # Only a concurrent edit gets here (the rows were checked above); report it on its row.
        reason = "；".join(exc.messages) if isinstance(exc, ValidationError) else _("与已登记的人员重复")
        result.add_error(current.row if current else None, None, reason)
        return result
    result.created = len(rows)
    return result


def roster_export(*, actor, organisation: Organisation, fmt: str = "xlsx") -> Rendered:
    """The roster as .xlsx or .csv (ID numbers masked), audited: the "people.roster" exporter."""
    return downloads.export_file(actor, ROSTER, ROSTER.choose(fmt), obj=organisation)


def roster_template() -> bytes:
    return templates.import_template(roster_spec(), limit_text(settings.ZHIBU_IMPORT_MAX_BYTES))
