"""A code cannot be tied to the answer, proved from the schema: the used-code list refers to no
response and holds only a hash; responses and answers have random keys and no time finer than the
day; no table refers to a person."""

from __future__ import annotations

from django.db import models

from zhibu.surveys.models import Answer, Response, UsedCode

TIME = (models.DateTimeField, models.TimeField)


def test_the_used_list_refers_to_no_response_and_keeps_a_hash_only():
    targets = {f.related_model for f in UsedCode._meta.concrete_fields if f.is_relation}
    assert Response not in targets and Answer not in targets
    assert {f.column for f in UsedCode._meta.concrete_fields} == {
        "id",
        "survey_id",
        "organisation_id",
        "code_hash",
    }
    for model in (Response, Answer):
        assert UsedCode not in {f.related_model for f in model._meta.concrete_fields if f.is_relation}


def test_random_keys_no_time_of_day_no_person():
    for model in (UsedCode, Response, Answer):
        fields = model._meta.concrete_fields
        assert isinstance(model._meta.pk, models.UUIDField) and model._meta.pk.default.__name__ == "uuid4"
        assert not [f.name for f in fields if isinstance(f, TIME)]
        assert not [
            f for f in fields if f.is_relation and f.related_model._meta.label in {"core.Person", "core.User"}
        ]
