"""factory_boy factories for core's models, with Chinese data, and the helpers built on them.

Rows are written directly: test setup arranges data, the services are what tests exercise. An
organisation's materialised path is computed here from its parent, as the service would.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import factory
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.utils import timezone

from zhibu.core.idnumbers import with_check_digit
from zhibu.core.models import (
    AuditEntry,
    CommitteeTerm,
    DataStamp,
    DemoLoad,
    Job,
    Organisation,
    PartyStatusChange,
    Person,
    PostHolding,
    RemovedRecord,
    RoleGrant,
    SearchEntry,
    User,
)
from zhibu.core.search_text import index_tokens
from zhibu.core.strokes import name_sort_string
from zhibu.people.services.persons import pinyin_of

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["秀英", "建国", "丽娟", "晓明", "海燕", "志强", "红梅", "文华", "雪华", "春华"]
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 14 → 十四, 20 → 二十, 35 → 三十五 (enough for school names in tests)."""
    if n < 10:
        return DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
    return str(n)


# --- organisations --------------------------------------------------------------------------------
def _path(org) -> str:
    return f"{org.parent.path}{org.code}/" if org.parent else f"/{org.code}/"


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A 党支部 at the root unless given a parent; `path` follows the parent's, like the service's."""

    class Meta:
        model = Organisation

    code = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"XX市第{chinese_number(n % 90 + 1)}中学党支部")
    kind = Organisation.Kind.BRANCH
    parent = None
    path = factory.LazyAttribute(_path)
    unit_name = factory.LazyAttribute(lambda org: org.name.replace("党支部", ""))


def make_org(code: str, name: str, kind: str = "branch", parent: Organisation | None = None) -> Organisation:
    return OrganisationFactory(
        code=code, name=name, kind=kind, parent=parent, unit_name=name.replace("党支部", "")
    )


# --- people ---------------------------------------------------------------------------------------
def id_number_for(n: int, birth: date = date(1980, 1, 1)) -> str:
    return with_check_digit(f"110101{birth:%Y%m%d}{n % 1000:03d}")


class PersonFactory(factory.django.DjangoModelFactory):
    """Someone on a branch's roster, a 正式党员 since 2005 unless told otherwise.

    `history=<date>` dates the status history row; `history=False` writes none."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)])
    name_pinyin = factory.LazyAttribute(lambda person: pinyin_of(person.name))
    name_strokes = factory.LazyAttribute(lambda person: name_sort_string(person.name))
    gender = "F"
    birth_date = date(1980, 1, 1)
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    unit = "测试学校"
    is_staff_member = True
    is_retired = False
    party_status = "full"

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create and extracted is not False and obj.party_status != "none":
            since = extracted or date(2005, 7, 1)
            PartyStatusChange.objects.create(
                person=obj, organisation=obj.organisation, status=obj.party_status, since=since
            )


class PartyStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartyStatusChange

    person = factory.SubFactory(PersonFactory, party_status="activist", history=False)
    organisation = factory.SelfAttribute("person.organisation")
    status = factory.SelfAttribute("person.party_status")
    since = date(2021, 6, 20)
    note = "支部委员会研究确定"


class CommitteeTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeTerm

    organisation = factory.SubFactory(OrganisationFactory)
    started_on = date(2020, 9, 1)
    note = "支部党员大会选举产生"


class PostHoldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostHolding

    term = factory.SubFactory(CommitteeTermFactory)
    organisation = factory.SelfAttribute("term.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    post = "secretary"
    started_on = factory.SelfAttribute("term.started_on")


# --- accounts -------------------------------------------------------------------------------------
TEST_PASSWORD = "Zhibu-test-123"
FAST_HASHERS = ["zhibu.core.tests.factories.FastArgon2PasswordHasher"]


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with test-sized costs. The encoded hash carries its parameters, so the production
    hasher verifies these hashes too; only the tests' time changes (production argon2 takes ~0.75 s
    per hash on a 2-core machine, by design)."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@cache
def _password_hash(password: str) -> str:
    # A real argon2 hash, so logins through the form work, made once and cheap to verify.
    return FastArgon2PasswordHasher().encode(password, FastArgon2PasswordHasher().salt())


class UserFactory(factory.django.DjangoModelFactory):
    """A login whose password is TEST_PASSWORD (hashed once per run)."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.LazyFunction(lambda: _password_hash(TEST_PASSWORD))
    password_changed_at = factory.LazyFunction(timezone.now)
    person = None


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "member"
    include_subtree = False


def make_user(
    username: str, org: Organisation, role: str, *, person: Person | None = None, subtree: bool = False
) -> User:
    user = UserFactory(username=username, person=person)
    RoleGrantFactory(user=user, organisation=org, role=role, include_subtree=subtree)
    return user


# --- audit and demo -------------------------------------------------------------------------------
class AuditEntryFactory(factory.django.DjangoModelFactory):
    """An audit row, created only: entries are append-only (never saved twice)."""

    class Meta:
        model = AuditEntry

    actor = None
    actor_name = "张文华"
    action = "people.person.updated"
    object_type = "core.person"
    object_id = "1"
    object_repr = "刘丹"
    organisation = factory.SubFactory(OrganisationFactory)
    before = factory.LazyFunction(lambda: {"phone": "13900000001"})
    after = factory.LazyFunction(lambda: {"phone": "13900000002"})
    success = True


class DemoLoadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemoLoad

    name = factory.Sequence(lambda n: f"demo-ledger-{n}")


class JobFactory(factory.django.DjangoModelFactory):
    """A background job as the import page starts it: queued, with nothing done yet."""

    class Meta:
        model = Job

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "people.roster_import"
    label = "导入花名册：花名册.xlsx"
    actor = factory.SubFactory(UserFactory)
    params = factory.LazyFunction(lambda: {"filename": "花名册.xlsx"})


class RemovedRecordFactory(factory.django.DjangoModelFactory):
    """A meeting removed into the 回收站 (its rows as the removal serializes them)."""

    class Meta:
        model = RemovedRecord

    organisation = factory.SubFactory(OrganisationFactory)
    model = "meetings.meeting"
    object_id = "1"
    label = "会议：2023-04-18 支部党员大会"
    reason = "重复登记"
    payload = "[]"
    rows = 1
    removed_by = factory.SubFactory(UserFactory)


class SearchEntryFactory(factory.django.DjangoModelFactory):
    """An entry as core.search_index writes it for a meeting (tokens made by search_text)."""

    class Meta:
        model = SearchEntry

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "meetings"
    object_id = factory.Sequence(lambda n: n + 1)
    title = "2023-04-18 主题党日活动：重温入党誓词"
    text = "党员活动室\n全体党员重温入党誓词，书记讲党课。"
    url = "/meetings/1/"
    day = date(2023, 4, 18)
    title_tokens = factory.LazyAttribute(lambda o: index_tokens(o.title))
    body_tokens = factory.LazyAttribute(lambda o: index_tokens(o.text))


class DataStampFactory(factory.django.DjangoModelFactory):
    """The newest write at an organisation, as core.stamps.touch records it."""

    class Meta:
        model = DataStamp
        django_get_or_create = ("scope",)

    scope = factory.LazyAttribute(lambda o: OrganisationFactory().pk)
    entry = factory.Sequence(lambda n: n + 1)
