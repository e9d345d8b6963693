import pytest

from zhibu.core.tests.factories import PersonFactory, make_user

from .factories import make_case


@pytest.fixture
def case(world):
    """刘丹's (the member persona's) case about 王小川."""
    return make_case(world.people["member"])


@pytest.fixture
def other_member(world):
    """A second ordinary member of branch A, who mentors nobody here."""
    person = PersonFactory(organisation=world.branch, name="孙宁", gender="M")
    return make_user("other_member", world.branch, "member", person=person)


@pytest.fixture
def superuser(db):
    from zhibu.core.models import User
    from zhibu.core.tests.factories import TEST_PASSWORD, _password_hash

    # The cached test-cost argon2 hash: hashing at production cost took ~0.1 s per test here.
    return User.objects.create(
        username="root", is_superuser=True, is_staff=True, password=_password_hash(TEST_PASSWORD)
    )
