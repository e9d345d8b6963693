"""`manage.py report {weekly,monthly,annual,ledger} --org CODE --from DATE --to DATE
--format {docx,xlsx,html,md,pdf} --out PATH` — the same documents as the web pages, for cron."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhibu.core import atomic_files
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import exporters
from zhibu.reports import drafting
from zhibu.reports.builders import kinds


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from None


def period_for(kind: str, start: date, end: date) -> Period:
    if kind == "weekly":
        return Period.week(start)
    if kind == "monthly":
        return Period.month(start.year, start.month)
    if end < start:
        raise CommandError("--to is before --from")
    return drafting.period_between(start, end)


class Command(BaseCommand):
    help = "Draft a bulletin, summary or 台账 workbook from the records and write it to a file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=sorted(kinds()))
        parser.add_argument("--org", required=True, help="organisation code, e.g. yucai")
        parser.add_argument("--from", dest="start", required=True, type=_date)
        parser.add_argument("--to", dest="end", type=_date)
        parser.add_argument(
            "--format",
            dest="fmt",
            default="docx",
            choices=sorted(exporters.formats(exporters.DOCUMENT, available_only=False)),
        )
        parser.add_argument("--out", required=True, type=Path)

    def handle(
        self, *args, kind: str, org: str, start: date, end: date | None, fmt: str, out: Path, **options
    ):
        organisation = Organisation.objects.filter(code=org).first()
        if organisation is None:
            raise CommandError(f"no organisation with code {org!r}")
        period = period_for(kind, start, end or start)
        document, _values = drafting.draft(kind, organisation, period)
        try:
            body = exporters.render(document, fmt).content
        except exporters.UnknownFormat:
            raise CommandError(f"{fmt} cannot be rendered here (PDF needs LibreOffice, soffice)") from None
        try:
            atomic_files.write_atomic(out, body)  # whole or nothing, even on a full disk
        except OSError as exc:
            raise CommandError(atomic_files.failure_message(exc)) from None
        self.stdout.write(f"{document.title}: {out} ({len(body)} bytes)")
