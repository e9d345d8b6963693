"""The city's organisations: one bureau committee and N school branches under it, with their
materialised paths, and the bureau's viewer login. Rows are bulk-inserted (see
registries/citygen.py for why generated rows carry no audit entries)."""

from __future__ import annotations

from django.utils import timezone

from .models import Organisation, RoleGrant, User
from .registries import citygen

BUREAU_CODE = "city"
BUREAU_VIEWER = "city-bureau"
KINDS = ["中学", "小学", "实验学校", "职业中学", "幼儿园"]


def branch_code(number: int) -> str:
    return f"city-s{number:04d}"


@citygen.register("organisations", order=0)
def generate(ctx: citygen.CityContext) -> int:
    ctx.bureau = ctx.bulk(
        Organisation,
        [
            Organisation(
                code=BUREAU_CODE,
                name="XX市教育局党委（城市基准）",
                short_name="市局党委",
                kind=Organisation.Kind.COMMITTEE,
                path=f"/{BUREAU_CODE}/",
                unit_name="XX市教育局",
            )
        ],
        keep=True,
    )[0]
    branches = []
    for number in range(1, ctx.branches_wanted + 1):
        school = f"XX市第{number}{KINDS[ctx.rng.randrange(len(KINDS))]}"
        code = branch_code(number)
        branches.append(
            Organisation(
                code=code,
                name=f"{school}党支部",
                short_name=school.removeprefix("XX市"),
                kind=Organisation.Kind.BRANCH,
                parent=ctx.bureau,
                path=f"{ctx.bureau.path}{code}/",
                unit_name=school,
            )
        )
    ctx.branches = ctx.bulk(Organisation, branches, keep=True)
    viewer = ctx.bulk(
        User,
        [User(username=BUREAU_VIEWER, password=ctx.password_hash, password_changed_at=timezone.now())],
        keep=True,
    )[0]
    ctx.bulk(
        RoleGrant,
        [RoleGrant(user=viewer, organisation=ctx.bureau, role="bureau", include_subtree=True)],
    )
    ctx.bureau_user = viewer
    return 1 + len(branches) + 2


@citygen.register("search", order=1000)
def index_for_search(ctx: citygen.CityContext) -> int:
    """Last: the generators bulk-insert past the services (and so past audit.record, which keeps
    the index in step), so the city's search entries are built here in one pass."""
    from . import search_index

    written = search_index.reindex(organisation_ids=[org.pk for org in [ctx.bureau, *ctx.branches]])
    ctx.rows["core_searchentry"] += written
    return written
