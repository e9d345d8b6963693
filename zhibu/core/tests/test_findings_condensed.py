from zhibu.core.registries.findings import Finding, FindingRegistry


class Org:
    def __init__(self, pk: int, name: str) -> None:
        self.pk, self.name = pk, name


def registry() -> FindingRegistry:
    reg = FindingRegistry()
    reg.register("meetings.cadence_missed", label="未按规定周期召开会议")(lambda org, period: [])
    return reg


def test_few_findings_stay_as_they_are_and_duplicates_go():
    a = Org(1, "育才学校党支部")
    found = [
        Finding(m, code="meetings.cadence_missed", organisation=a)
        for m in ("支委会5月未召开", "支委会5月未召开")
    ]
    assert [f.message for f in registry().condensed(found)] == ["支委会5月未召开"]


def test_many_findings_of_one_rule_fold_per_organisation_with_its_name():
    a, b = Org(1, "育才学校党支部"), Org(2, "第十四中学党支部")
    found = [
        Finding(f"支委会{m}月未召开", code="meetings.cadence_missed", organisation=a) for m in range(1, 6)
    ]
    found.append(Finding("支委会1月未召开", code="meetings.cadence_missed", organisation=b))
    messages = [f.message for f in registry().condensed(found)]
    assert messages == [
        "育才学校党支部未按规定周期召开会议共5项，如支委会1月未召开；支委会2月未召开等",
        "支委会1月未召开",
    ]
