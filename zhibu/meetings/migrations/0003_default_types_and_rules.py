"""Seed the global meeting types (stable codes from DESIGN.md's glossary) and the default cadence
rules of 《中国共产党支部工作条例（试行）》 (issued 2018-10-28). Data copied here on purpose: a
migration must not change when application code does."""

from datetime import date

from django.db import migrations

BASIS = "《中国共产党支部工作条例（试行）》"
SINCE = date(2018, 10, 28)

# code, name, order, allows non-members
TYPES = [
    ("general_meeting", "支部党员大会", 10, False),
    ("committee_meeting", "支委会", 20, False),
    ("group_meeting", "党小组会", 30, False),
    ("party_lecture", "党课", 40, True),
    ("theme_day", "主题党日", 50, True),
    ("org_life_meeting", "组织生活会", 60, False),
    ("democratic_life_meeting", "民主生活会", 70, False),
    ("topical_meeting", "专题组织会议", 80, False),
    ("forum", "座谈会", 90, True),
    ("theory_group", "中心组学习", 100, True),
]

# code, every, times, org kind, term time only, basis
RULES = [
    ("general_meeting", "quarter", 1, "branch", False, BASIS + "：党员大会一般每季度召开1次"),
    ("committee_meeting", "month", 1, "branch", False, BASIS + "：支部委员会会议一般每月召开1次"),
    ("group_meeting", "month", 1, "group", False, BASIS + "：党小组会一般每月召开1次"),
    ("theme_day", "month", 1, "branch", False, BASIS + "：每月相对固定1天开展主题党日"),
    ("org_life_meeting", "year", 1, "branch", False, BASIS + "：组织生活会一般每年召开1次（通常在第四季度）"),
    ("party_lecture", "quarter", 1, "branch", False, "党课一般每季度1次（可按地方规定调整）"),
    ("theory_group", "week", 1, "branch", True, "中心理论组每周例会集中学习1次（学期内）"),
]


def seed(apps, schema_editor):
    MeetingType = apps.get_model("meetings", "MeetingType")
    CadenceRule = apps.get_model("meetings", "CadenceRule")
    types = {}
    for code, name, order, guests in TYPES:
        types[code], _ = MeetingType.objects.get_or_create(
            code=code,
            organisation=None,
            defaults={"name": name, "order": order, "allows_non_members": guests},
        )
    for code, every, times, kind, term_only, basis in RULES:
        CadenceRule.objects.get_or_create(
            meeting_type=types[code],
            organisation=None,
            effective_from=SINCE,
            defaults={
                "every": every,
                "times": times,
                "org_kind": kind,
                "term_time_only": term_only,
                "basis": basis,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_ledger")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
