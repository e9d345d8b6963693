from django.db import migrations, models

from zhibu.core.strokes import name_sort_string

BATCH = 2000


def fill(apps, schema_editor):
    """Every existing person gets her 按姓氏笔画 key, in batches (a city has tens of thousands)."""
    Person = apps.get_model("core", "Person")
    batch = []
    for person in Person.objects.only("pk", "name").order_by("pk").iterator(chunk_size=BATCH):
        person.name_strokes = name_sort_string(person.name)
        batch.append(person)
        if len(batch) >= BATCH:
            Person.objects.bulk_update(batch, ["name_strokes"])
            batch = []
    if batch:
        Person.objects.bulk_update(batch, ["name_strokes"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_history_before"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="name_strokes",
            field=models.CharField(
                blank=True, db_index=True, editable=False, max_length=1000, verbose_name="姓名笔画序"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
