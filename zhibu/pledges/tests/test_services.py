"""Services: the happy paths, who may write what, and bad input (a Chinese message naming the field,
nothing written)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.pledges.models import ClosingKind, Duty, ItemClosing, ItemProgress, Pledge, PledgeItem, Scope
from zhibu.pledges.services import closing, duties, pledges

from .factories import PledgeFactory, PledgeItemFactory
from .helpers import PNG

START, END = date(2022, 9, 15), date(2023, 7, 10)


def _pledge(world, **kwargs):
    data = {
        "organisation": world.branch,
        "scope": Scope.MEMBER,
        "person": world.people["member"],
        "title": "2022—2023学年党员公开承诺",
        "starts_on": START,
        "ends_on": END,
        **kwargs,
    }
    return data


def _messages(exc) -> str:
    return " ".join(exc.value.messages)


def test_a_member_makes_her_own_pledge_and_notes_progress(world):
    pledge = pledges.pledge_create(actor=world.member, **_pledge(world, identity="中共党员、语文教师"))
    item = pledges.item_create(
        actor=world.member, pledge=pledge, content="上好一节示范课", due_on=date(2023, 4, 30)
    )
    note = pledges.progress_add(actor=world.member, item=item, noted_on=date(2023, 3, 1), text="已备课。")
    assert note.author == world.people["member"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"pledges.pledge.created", "pledges.item.created", "pledges.progress.added"} <= actions


def test_a_member_cannot_pledge_for_someone_else_or_the_branch(world):
    with pytest.raises(PermissionDenied):
        pledges.pledge_create(actor=world.member, **_pledge(world, person=world.people["committee"]))
    with pytest.raises(PermissionDenied):
        pledges.pledge_create(actor=world.member, **_pledge(world, scope=Scope.BRANCH, person=None))
    other = PledgeFactory(organisation=world.branch, person=world.people["committee"])
    with pytest.raises(PermissionDenied):
        pledges.item_create(actor=world.member, pledge=other, content="事项", due_on=date(2023, 4, 30))
    with pytest.raises(Http404):
        pledges.pledge_create(actor=world.outsider, **_pledge(world))
    assert Pledge.objects.count() == 1 and PledgeItem.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": ""}, "title", "请填写承诺名称"),
        ({"person": None}, "person", "党员的承诺请选择党员"),
        (
            {"ends_on": date(2022, 9, 1)},
            "ends_on",
            "承诺期至（2022年9月1日）不能早于承诺日期（2022年9月15日）",
        ),
        ({"starts_on": None}, "starts_on", "请填写承诺日期"),
    ],
)
def test_bad_pledge_input_names_the_field_and_writes_nothing(world, change, field, message):
    with pytest.raises(ValidationError) as exc:
        pledges.pledge_create(actor=world.secretary, **_pledge(world, **change))
    assert field in exc.value.error_dict and message in _messages(exc)
    assert Pledge.objects.count() == 0


def test_a_future_pledge_day_is_refused(world):
    later = timezone.localdate() + timedelta(days=3)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        pledges.pledge_create(actor=world.secretary, **_pledge(world, starts_on=later, ends_on=later))
    assert Pledge.objects.count() == 0


def test_a_deadline_before_the_pledge_start_is_refused(world):
    pledge = PledgeFactory(organisation=world.branch, person=world.people["member"])
    with pytest.raises(ValidationError) as exc:
        pledges.item_create(actor=world.secretary, pledge=pledge, content="示范课", due_on=date(2022, 9, 1))
    assert "due_on" in exc.value.error_dict
    assert "完成时限（2022年9月1日）不能早于承诺日期（2022年9月15日）" in _messages(exc)
    with pytest.raises(ValidationError, match="不能晚于承诺期至"):
        pledges.item_create(actor=world.secretary, pledge=pledge, content="示范课", due_on=date(2023, 8, 1))
    assert PledgeItem.objects.count() == 0


def test_moving_a_pledge_past_its_items_is_refused(world):
    item = PledgeItemFactory(pledge=PledgeFactory(organisation=world.branch, person=world.people["member"]))
    pledge = item.pledge
    with pytest.raises(ValidationError, match="不在新的承诺期内"):
        pledges.pledge_update(
            actor=world.secretary,
            pledge=pledge,
            version=pledge.version,
            **{k: v for k, v in _pledge(world, starts_on=date(2023, 5, 1)).items() if k != "organisation"},
        )
    pledge.refresh_from_db()
    assert pledge.starts_on == START and pledge.version == 1


def _item(world, pledger="member"):
    return PledgeItemFactory(pledge=PledgeFactory(organisation=world.branch, person=world.people[pledger]))


def test_the_secretary_closes_an_item_with_evidence_and_the_history_is_kept(world):
    item = _item(world)
    closing.item_close(
        actor=world.secretary,
        item=item,
        version=item.version,
        closed_on=date(2023, 4, 20),
        evidence="已上示范课。",
    )
    item.refresh_from_db()
    assert item.closed_on == date(2023, 4, 20) and item.verifier == world.people["secretary"]
    closing.item_reopen(actor=world.committee, item=item, version=item.version, reason="缺少评课记录。")
    item.refresh_from_db()
    assert item.closed_on is None and item.verifier is None
    upload = SimpleUploadedFile("评课记录.png", PNG, content_type="image/png")
    closing.item_close(actor=world.committee, item=item, version=item.version, attachment=upload)
    item.refresh_from_db()
    history = list(item.closings.order_by("created_at", "pk").values_list("kind", "verifier__name", "reason"))
    assert history == [
        (ClosingKind.CLOSED, "张文华", ""),
        (ClosingKind.REOPENED, "于雪华", "缺少评课记录。"),
        (ClosingKind.CLOSED, "于雪华", ""),
    ]
    last = item.closings.order_by("-pk").first()
    assert last.attachment_name == "评课记录.png" and last.attachment.read() == PNG
    assert item.closed_on == timezone.localdate() and item.verifier == world.people["committee"]
    actions = list(
        AuditEntry.objects.filter(action__startswith="pledges.item.").values_list("action", flat=True)
    )
    assert actions.count("pledges.item.closed") == 2 and actions.count("pledges.item.reopened") == 1


def test_closing_without_evidence_is_refused_and_writes_nothing(world):
    item = _item(world)
    with pytest.raises(ValidationError) as exc:
        closing.item_close(actor=world.secretary, item=item, version=item.version, evidence="   ")
    assert "evidence" in exc.value.error_dict and "销号需要填写完成情况或上传佐证材料" in _messages(exc)
    item.refresh_from_db()
    assert item.closed_on is None and ItemClosing.objects.count() == 0


def test_the_pledger_cannot_close_her_own_item(world):
    item = _item(world, pledger="committee")  # 于雪华 is a committee member with pledges.verify
    with pytest.raises(ValidationError, match="不能为自己的承诺事项销号"):
        closing.item_close(actor=world.committee, item=item, version=item.version, evidence="已完成。")
    item.refresh_from_db()
    assert item.closed_on is None and ItemClosing.objects.count() == 0
    # A branch item she carries is hers too.
    branch = PledgeFactory(organisation=world.branch, scope=Scope.BRANCH, person=None)
    carried = PledgeItemFactory(pledge=branch, responsible=world.people["committee"])
    with pytest.raises(ValidationError, match="不能为自己的承诺事项销号"):
        closing.item_close(actor=world.committee, item=carried, version=carried.version, evidence="已完成。")
    # A member never verifies: no permission at all.
    own = _item(world)
    with pytest.raises(PermissionDenied):
        closing.item_close(actor=world.member, item=own, version=own.version, evidence="已完成。")
    assert ItemClosing.objects.count() == 0


def test_a_bad_evidence_file_is_refused_and_nothing_is_written(world, settings):
    item = _item(world)
    fake = SimpleUploadedFile("佐证.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError) as exc:
        closing.item_close(actor=world.secretary, item=item, version=item.version, attachment=fake)
    assert "attachment" in exc.value.error_dict and "不是有效的图片" in _messages(exc)
    assert ItemClosing.objects.count() == 0
    media = settings.MEDIA_ROOT / "pledges"
    assert not media.exists() or not any(media.rglob("*.*"))


def test_a_stale_close_is_refused(world):
    item = _item(world)
    with pytest.raises(ValidationError, match="已被他人修改"):
        closing.item_close(actor=world.secretary, item=item, version=item.version + 1, evidence="已完成。")
    assert ItemClosing.objects.count() == 0


def test_reopening_needs_a_reason_and_a_closed_item(world):
    item = _item(world)
    with pytest.raises(ValidationError, match="尚未销号"):
        closing.item_reopen(actor=world.secretary, item=item, version=item.version, reason="再查")
    closing.item_close(actor=world.secretary, item=item, version=item.version, evidence="已完成。")
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="请填写重新打开原因"):
        closing.item_reopen(actor=world.secretary, item=item, version=item.version, reason=" ")
    item.refresh_from_db()
    assert item.is_closed and ItemClosing.objects.count() == 1


def test_a_closed_item_is_not_edited(world):
    item = _item(world)
    closing.item_close(actor=world.secretary, item=item, version=item.version, evidence="已完成。")
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="已销号"):
        pledges.item_update(
            actor=world.secretary, item=item, version=item.version, content="改", due_on=item.due_on
        )


def test_progress_is_the_pledgers_or_an_officers(world):
    item = _item(world, pledger="committee")
    with pytest.raises(PermissionDenied):
        pledges.progress_add(actor=world.member, item=item, noted_on=date(2023, 3, 1), text="代记")
    with pytest.raises(ValidationError, match="请填写进展情况"):
        pledges.progress_add(actor=world.committee, item=item, noted_on=date(2023, 3, 1), text="")
    assert ItemProgress.objects.count() == 0


def test_duties_of_the_branch_and_a_member(world):
    duties.duty_create(
        actor=world.secretary,
        organisation=world.branch,
        scope=Scope.BRANCH,
        post="党支部",
        content="落实“三会一课”。",
        starts_on=date(2020, 9, 1),
    )
    with pytest.raises(ValidationError, match="党支部的承诺不填党员"):
        duties.duty_create(
            actor=world.secretary,
            organisation=world.branch,
            scope=Scope.BRANCH,
            person=world.people["member"],
            post="党支部",
            content="x",
            starts_on=date(2020, 9, 1),
        )
    with pytest.raises(ValidationError, match="截止日期"):
        duties.duty_create(
            actor=world.secretary,
            organisation=world.branch,
            scope=Scope.MEMBER,
            person=world.people["member"],
            post="语文教师",
            content="上好课",
            starts_on=date(2020, 9, 1),
            ends_on=date(2020, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        duties.duty_create(
            actor=world.member,
            organisation=world.branch,
            scope=Scope.BRANCH,
            post="党支部",
            content="x",
            starts_on=date(2020, 9, 1),
        )
    assert Duty.objects.count() == 1
