"""The 2014 《中国共产党发展党员工作细则》 as the default version of the rules (data, not code: a
revised 细则 is entered as rows with a later effective date)."""

from datetime import date

from django.db import migrations

EDITION = "《中国共产党发展党员工作细则》（2014年）"
EFFECTIVE = date(2014, 5, 28)
CITE = "《中国共产党发展党员工作细则》："
# (from step, to step, min/max, months, days, the text of the rule)
RULES = [
    ("application", "talk", "max", 1, 0, "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话，了解基本情况"),
    ("review", "review", "max", 6, 0, "党组织应当每半年对入党积极分子进行一次考察"),
    (
        "activist",
        "candidate",
        "min",
        12,
        0,
        "对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，经支部委员会讨论同意并报上级党委备案后，"
        "可列为发展对象",
    ),
    ("admission", "approval", "max", 3, 0, "上级党委对支部报来的接收预备党员的决议，应当在三个月内审批"),
    (
        "admission",
        "confirmation",
        "min",
        12,
        0,
        "预备党员的预备期为一年。预备期从支部大会通过其为预备党员之日算起",
    ),
    ("admission", "confirmation", "max", 12, 0, "预备党员预备期满，党支部应当及时讨论其能否转为正式党员"),
]


def load(apps, schema_editor):
    Rule = apps.get_model("development", "DevelopmentRule")
    for from_step, to_step, kind, months, days, text in RULES:
        Rule.objects.get_or_create(
            effective_from=EFFECTIVE,
            from_step=from_step,
            to_step=to_step,
            kind=kind,
            defaults={"edition": EDITION, "months": months, "days": days, "source": CITE + text},
        )


def unload(apps, schema_editor):
    apps.get_model("development", "DevelopmentRule").objects.filter(effective_from=EFFECTIVE).delete()


class Migration(migrations.Migration):
    dependencies = [("development", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
