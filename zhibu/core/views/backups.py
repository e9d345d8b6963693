"""The 备份 page: what a backup holds and what it leaves out (the keys), and a button that starts
the backup job; the job's page then offers the file."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import backups
from ..jobs import job_start


@login_required
def backup(request: HttpRequest) -> HttpResponse:
    root = backups.backup_scope(request.user)
    if request.method == "POST":
        job = job_start(actor=request.user, organisation=root, kind=backups.BACKUP, label=_("备份全部数据"))
        return redirect("core:job", pk=job.pk)
    return render(request, "core/backup.html", {"folder": settings.ZHIBU_BACKUP_DIR})
