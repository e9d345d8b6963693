"""Factories with Chinese data. Build organisations through the service so paths are right."""

from __future__ import annotations

import itertools
from datetime import date
from functools import cache

import factory
from django.contrib.auth.hashers import Argon2PasswordHasher

from zhibu.core.idnumbers import with_check_digit
from zhibu.core.models import Organisation, PartyStatusChange, Person, RoleGrant, User
from zhibu.core.services.organisations import organisation_add
from zhibu.people.services.persons import pinyin_of

_seq = itertools.count(1)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["秀英", "建国", "丽娟", "晓明", "海燕", "志强", "红梅", "文华", "雪华", "春华"]


def make_org(code: str, name: str, kind: str = "branch", parent: Organisation | None = None) -> Organisation:
    return organisation_add(
        actor=None, code=code, name=name, kind=kind, parent=parent, unit_name=name.replace("党支部", "")
    )


def id_number_for(n: int, birth: date = date(1980, 1, 1)) -> str:
    return with_check_digit(f"110101{birth:%Y%m%d}{n % 1000:03d}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    organisation = None
    name = factory.Sequence(lambda n: SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)])
    name_pinyin = factory.LazyAttribute(lambda person: pinyin_of(person.name))
    gender = "F"
    birth_date = date(1980, 1, 1)
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    unit = "测试学校"
    is_staff_member = True
    is_retired = False
    party_status = "full"

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create and obj.party_status != "none":
            since = extracted or date(2005, 7, 1)
            PartyStatusChange.objects.create(
                person=obj, organisation=obj.organisation, status=obj.party_status, since=since
            )


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


def make_user(
    username: str, org: Organisation, role: str, *, person: Person | None = None, subtree: bool = False
) -> User:
    from django.utils import timezone

    user = User.objects.create(
        username=username,
        password=_password_hash(TEST_PASSWORD),
        password_changed_at=timezone.now(),
        person=person,
    )
    RoleGrant.objects.create(user=user, organisation=org, role=role, include_subtree=subtree)
    return user
