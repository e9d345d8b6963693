from zhibu.core.testing import ALL_OK, Case, officers

ORG_A = "?org=yucai"
# Accounts of branch A: its secretary and the bureau above it.
ACCOUNTS = officers(committee=403)
# Organisations under branch A: only the superior (the bureau) manages them.
SUPERIOR = {"secretary": 403, "committee": 403, "member": 403, "checker": 403, "bureau": 200, "outsider": 404}


def new_person(world):
    """Someone of branch A without a login yet."""
    from zhibu.core.tests.factories import PersonFactory

    return {"person_pk": PersonFactory(organisation=world.branch, name="赵一鸣").pk}


def member_account(world):
    return {"pk": world.member.pk}


def disabled_account(world):
    from zhibu.core.tests.factories import PersonFactory, make_user

    person = PersonFactory(organisation=world.branch, name="钱二")
    user = make_user("qianer", world.branch, "member", person=person)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return {"pk": user.pk}


def member_grant(world):
    return {"pk": world.member.grants.get().pk}


def branch_a(world):
    return {"code": world.branch.code}


def secretary_job(world):
    """A finished job of the secretary's with a result file: only she may see it (404 for others)."""
    from django.core.files.base import ContentFile

    from zhibu.core.models import Job

    job = Job(
        organisation=world.branch, kind="people.roster_import", label="导入花名册", actor=world.secretary
    )
    job.status = Job.Status.DONE
    job.result.save("result.csv", ContentFile("姓名\r\n".encode()), save=False)
    job.result_name, job.result_type = "结果.csv", "text/csv"
    job.save()
    return {"pk": job.pk}


def removed_meeting(world):
    """A meeting of branch A in the recycle bin: only its secretary may put it back."""
    from zhibu.core.tests.factories import RemovedRecordFactory

    return {"pk": RemovedRecordFactory(organisation=world.branch, removed_by=world.secretary).pk}


# The restore redirects back to the bin (302), refused or not; other roles get 404 (not their bin).
RESTORE = {"secretary": 302, "committee": 404, "member": 404, "checker": 404, "bureau": 404, "outsider": 404}

ONLY_THE_STARTER = {
    "secretary": 200,
    "committee": 404,
    "member": 404,
    "checker": 404,
    "bureau": 404,
    "outsider": 404,
}

MATRIX = {
    "login": Case(expect={p: 302 for p in ALL_OK}, anonymous=200),
    "logout": Case(expect={p: 405 for p in ALL_OK}, anonymous=405),
    "password_change": Case(expect=ALL_OK),
    "password_change_done": Case(expect=ALL_OK),
    "core:dashboard": Case(expect=ALL_OK),
    "core:search": Case(expect=ALL_OK, query="?q=刘丹"),
    "core:audit": Case(expect={**ALL_OK, "committee": 403, "member": 403, "checker": 403}),
    "core:figures": Case(expect=officers(), query=ORG_A),
    "core:figure": Case(expect=officers(), kwargs={"code": "people.members"}, query=ORG_A),
    "core:job": Case(expect=ONLY_THE_STARTER, kwargs=secretary_job),
    "core:job_status": Case(expect=ONLY_THE_STARTER, kwargs=secretary_job),
    "core:job_result": Case(expect=ONLY_THE_STARTER, kwargs=secretary_job),
    "core:remove": Case(
        expect=officers(bureau=403), kwargs=lambda w: {"model": "people.person", "pk": w.people["member"].pk}
    ),
    "core:recycle": Case(expect={**ALL_OK, "committee": 403, "member": 403, "checker": 403, "bureau": 403}),
    # A backup is every organisation's data: only the bureau on the top organisation.
    "core:backup": Case(expect={**{p: 403 for p in ALL_OK}, "bureau": 200}),
    "core:recycle_restore": Case(expect=RESTORE, kwargs=removed_meeting, method="post"),
    "core:accounts": Case(expect=ACCOUNTS, query=ORG_A),
    "core:account_create": Case(expect=ACCOUNTS, kwargs=new_person),
    "core:account_reset": Case(expect=ACCOUNTS, kwargs=member_account),
    "core:account_disable": Case(expect=ACCOUNTS, kwargs=member_account),
    "core:account_enable": Case(expect=ACCOUNTS, kwargs=disabled_account),
    "core:role_grant": Case(expect=ACCOUNTS, kwargs=member_account),
    "core:role_revoke": Case(expect=ACCOUNTS, kwargs=member_grant),
    "core:organisations": Case(expect=SUPERIOR, query=ORG_A),
    "core:organisation_create": Case(expect=SUPERIOR, query=ORG_A),
    "core:organisation_rename": Case(expect=SUPERIOR, kwargs=branch_a),
    "core:organisation_move": Case(expect=SUPERIOR, kwargs=branch_a),
    "core:organisation_close": Case(expect=SUPERIOR, kwargs=branch_a),
    "core:secretary_register": Case(expect=SUPERIOR, kwargs=branch_a),
}
