"""Every ledger row carries its organisation through one base (core.models.OrganisationOwned), so
scoping, subtree figures and a later distribution by organisation key work the same everywhere."""

from django.apps import apps

from zhibu.core.models import OrganisationOwned

# Rows with an organisation column that are not owned by exactly one organisation, and why.
NOT_OWNED = {
    "core.Organisation": "the tree itself",
    "core.RoleGrant": "an account's grant, not a ledger row",
    "core.AuditEntry": "append-only trail; organisation may be empty (a failed login)",
    "meetings.MeetingType": "empty organisation = a type every branch has",
    "meetings.CadenceRule": "empty organisation = the bureau's default rule",
    "study.StudySettings": "one settings row per organisation (one-to-one)",
    "mentoring.MentoringSettings": "one settings row per organisation (one-to-one)",
    "development.DevelopmentSettings": "one settings row per organisation (one-to-one)",
    "talks.TalkSettings": "one settings row per organisation (one-to-one)",
    "voice.VoiceSettings": "one settings row per organisation (one-to-one)",
}


def test_every_ledger_model_with_an_organisation_is_organisation_owned():
    missing = []
    for model in apps.get_models():
        if not model.__module__.startswith("zhibu."):
            continue
        label = model._meta.label
        has_org = any(f.name == "organisation" for f in model._meta.concrete_fields)
        if has_org and label not in NOT_OWNED and not issubclass(model, OrganisationOwned):
            missing.append(label)
    assert not missing, f"ledger models not derived from OrganisationOwned: {missing}"


def test_the_organisation_key_is_indexed_and_required():
    from zhibu.meetings.models import Attendance

    field = Attendance._meta.get_field("organisation")
    assert field.db_index and not field.null
