"""The bands in force since 1 February 2008 (中组发〔2008〕3号). A later revision is entered as a
new set with its own effective date (the 党费标准 page), never by changing these rows."""

from datetime import date
from decimal import Decimal

from django.db import migrations

SOURCE = "中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）"
EFFECTIVE = date(2008, 2, 1)
# (category, up to (inclusive) or None, rate in per cent or None, fixed a month or None)
BANDS = [
    ("serving", "3000.00", "0.50", None),
    ("serving", "5000.00", "1.00", None),
    ("serving", "10000.00", "1.50", None),
    ("serving", None, "2.00", None),
    ("retired", "5000.00", "0.50", None),
    ("retired", None, "1.00", None),
    ("no_income", None, None, "0.20"),
]


def seed(apps, schema_editor):
    band = apps.get_model("dues", "DuesBand")
    for category, up_to, rate, fixed in BANDS:
        band.objects.get_or_create(
            effective_from=EFFECTIVE,
            category=category,
            up_to=Decimal(up_to) if up_to else None,
            defaults={
                "rate": Decimal(rate) if rate else None,
                "fixed": Decimal(fixed) if fixed else None,
                "source": SOURCE,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("dues", "DuesBand").objects.filter(effective_from=EFFECTIVE, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("dues", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
