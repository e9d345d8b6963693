"""Ballot secrecy, proved from the schema: what was voted (awards_ballot, awards_ballotchoice) and
who has voted (awards_votermark) share no foreign key, no time column and no key sequence, so no
query can join a ballot to its voter. Their only common columns (the campaign, the organisation)
are the same for every ballot of a campaign and single out none."""

from __future__ import annotations

import pytest
from django.db import connection, models

from zhibu.awards.models import Ballot, BallotChoice, VoterMark
from zhibu.awards.services.voting import vote_cast
from zhibu.core.models import AuditEntry

from .helpers import campaign_with_nominees

BOX = (Ballot, BallotChoice)
TIME = (models.DateField, models.DateTimeField, models.TimeField, models.DurationField)


@pytest.mark.parametrize("model", [*BOX, VoterMark], ids=lambda m: m.__name__)
def test_no_time_and_random_keys(model):
    fields = model._meta.concrete_fields
    assert not [f.name for f in fields if isinstance(f, TIME)], model
    pk = model._meta.pk
    assert isinstance(pk, models.UUIDField) and pk.default.__name__ == "uuid4"
    assert not [f.name for f in fields if isinstance(f, models.AutoField | models.BigAutoField)]


def test_the_box_and_the_register_do_not_refer_to_each_other():
    def targets(model):
        return {f.related_model for f in model._meta.concrete_fields if f.is_relation}

    assert targets(VoterMark).isdisjoint(BOX)
    for model in BOX:
        assert VoterMark not in targets(model)
        assert not any(f.related_model is not None and f.related_model._meta.label == "core.Person"
                       for f in model._meta.concrete_fields)  # fmt: skip
    # the ballot's columns: its key, the campaign and the organisation — nothing else
    assert {f.column for f in Ballot._meta.concrete_fields} == {"id", "campaign_id", "organisation_id"}
    assert {f.column for f in BallotChoice._meta.concrete_fields} == {
        "id", "ballot_id", "nomination_id", "organisation_id",
    }  # fmt: skip


@pytest.mark.django_db
def test_the_database_holds_no_join_either():
    """The tables as created by the migrations: no constraint from the box to the register or to
    people, no column of a time type."""
    with connection.cursor() as cursor:
        for model in BOX:
            table = model._meta.db_table
            relations = connection.introspection.get_relations(cursor, table)
            referred = {target for _col, (_target_col, target) in relations.items()}
            assert referred <= {"awards_campaign", "awards_ballot", "awards_nomination", "core_organisation"}
            columns = connection.introspection.get_table_description(cursor, table)
            assert {c.name for c in columns} == {f.column for f in model._meta.concrete_fields}


def test_ballots_of_a_campaign_differ_only_in_key_and_choices(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    vote_cast(actor=world.member, campaign=campaign, choices=[a])
    vote_cast(actor=world.committee, campaign=campaign, choices=[a])
    rows = list(Ballot.objects.values("campaign_id", "organisation_id"))
    assert len(rows) == 2 and rows[0] == rows[1]
    # the audit trail says who voted, never which ballot
    ids = {str(pk) for pk in Ballot.objects.values_list("pk", flat=True)}
    for entry in AuditEntry.objects.filter(action="awards.campaign.voted"):
        assert not ids & {entry.object_id, str(entry.after), str(entry.before)}
