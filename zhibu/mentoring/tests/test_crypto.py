"""Encryption at rest: the database alone does not reveal names, plans or logs; keys rotate."""

from datetime import date

from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from zhibu.mentoring.models import MentoringCase, MentoringLog, Student

from .factories import make_case, make_log, make_student

SECRET_TEXT = "家庭困难，父母离异，情绪低落时有自伤念头"


def _raw(sql: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [value for row in cursor.fetchall() for value in row]


def test_raw_database_holds_no_clear_text(world):
    case = make_case(world.people["member"], student=make_student(world.branch, name="王小川"))
    make_log(case, date(2023, 3, 1), text=SECRET_TEXT, observation="愿意把想法说出来")
    case.plan_psychology = "每周与心理老师沟通一次"
    case.save()
    logs = _raw("select text, observation from mentoring_mentoringlog")
    assert logs and all(value.startswith("gAAAA") for value in logs)
    assert not any(SECRET_TEXT in v or "愿意" in v for v in logs)
    names = _raw("select name, pseudonym from mentoring_student")
    assert "王小川" not in names and "学生A01" in names
    plans = _raw("select plan_psychology, plan_thinking from mentoring_mentoringcase")
    assert not any("心理老师" in v for v in plans)
    assert MentoringLog.objects.get().text == SECRET_TEXT


def test_key_rotation(world, settings):
    key_a, key_b = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FERNET_KEYS = [key_a]
    case = make_case(world.people["member"], student=make_student(world.branch, name="王小川"))
    make_log(case, date(2023, 3, 1), text=SECRET_TEXT)
    token_a = _raw("select text from mentoring_mentoringlog")[0]
    assert Fernet(key_a.encode()).decrypt(token_a.encode()).decode() == SECRET_TEXT

    settings.FERNET_KEYS = [key_b, key_a]  # new key first: encrypts; the old one still decrypts
    assert MentoringLog.objects.get().text == SECRET_TEXT
    call_command("rotate_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    settings.FERNET_KEYS = [key_b]  # the old key is dropped
    assert MentoringLog.objects.get().text == SECRET_TEXT
    assert Student.objects.get().name == "王小川"
    assert MentoringCase.objects.get().plan_study == "每周辅导数学"
    token_b = _raw("select text from mentoring_mentoringlog")[0]
    assert Fernet(key_b.encode()).decrypt(token_b.encode()).decode() == SECRET_TEXT
