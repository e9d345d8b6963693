"""The checker on its own: each kind of context, the figure references it leaves alone, the data
file's shape, and a clean 公文 text with no flag at all."""

from __future__ import annotations

import time

import pytest

from zhibu.core.registries import proofing
from zhibu.proofread.checker import builtin_rules, check, find, literal_rule

# Correct 公文 sentences using every confusable word correctly (开展活动, 缺乏经验, 到达现场 …).
CLEAN = """一、基本情况。我校党支部现有党员14人，始终坚持全心全意为人民服务的根本宗旨，扎实开展“三会一课”，
认真开展主题党日活动和志愿服务活动，活动有效开展，持续开展“三会一课”，党员参与率达到95%，群众满意率达到98%。
二、主要做法。支部组织开展近百场学习活动，党员队伍建设不断加强，学校各项工作稳步发展，推动学校高质量发展。
部分青年教师缺乏经验，支部安排党员结对帮扶；资金缺乏，支部积极争取上级支持。学校的发展离不开全体教职工的努力。
支委到达现场后立即开展工作，屡次获得上级表彰。日前召开的支部党员大会作出决定，支部做好各项准备工作。
截至2023年12月，支部已建立党员承诺台账，截止日期前全部完成；局部地区有雨，活动改在室内举行，孩子们活泼可爱。
党员带着问题学习，及时回复家长的来信，在广阔天地中锻炼成长。支部建立了学习制度标准化管理，目前各项工作进展顺利。
三、存在的不足：学习形式还不够丰富，部分党员缺乏创新意识。查找不足，弥补差距，以身作则，率先垂范。
四、今后打算：继续开展好创先争优活动，为学校的教育教学提供更优质的服务，进一步反映群众诉求，签订目标责任书。"""


def _flags(text: str) -> list[tuple[str, str]]:
    return [(s.wrong, s.right) for s in check(text)]


def test_clean_text_has_no_flag():
    assert check(CLEAN) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学校的开展离不开大家", [("开展", "发展")]),
        ("组织开展近两年没有", [("组织开展", "组织发展")]),
        ("存在的缺乏：形式单一", [("缺乏", "不足")]),
        ("查找缺乏和解决问题的措施", [("缺乏", "不足")]),
        ("党员参与人数到达80%", [("到达", "达到")]),
        ("义务补课200屡次", [("屡次", "余次")]),
        ("校领导以身作那么", [("以身作那么", "以身作则")]),
        ("增强效劳意识", [("效劳", "服务")]),
        ("截止2023年底，建立台帐", [("截止", "截至"), ("帐", "账")]),
        ("向上级反应问题", [("反应", "反映")]),
        ("双方签定协议", [("签定", "签订")]),
    ],
)
def test_wrong_in_context_is_flagged(text, expected):
    assert _flags(text) == expected


@pytest.mark.parametrize(
    "text",
    ["开展活动", "缺乏经验", "到达现场", "屡次获奖", "资金缺乏，", "帐篷", "截止日期", "活动的有效开展。"],
)
def test_right_in_context_is_not_flagged(text):
    assert check(text) == []


def test_positions_and_applying_all():
    text = "满意率到达95%，根本满意5%。"
    found = check(text)
    assert [(s.start, s.end, text[s.start : s.end]) for s in found] == [(3, 5, "到达"), (9, 11, "根本")]
    assert proofing.apply_all(text, found) == "满意率达到95%，基本满意5%。"


def test_figure_references_are_left_alone():
    text = "学校的开展{fig:people.members|form=学校的开展}人"
    found = check(text)
    assert [(s.start, s.end) for s in found] == [(3, 5)]


def test_branch_entry_uses_plain_text_context():
    rule = literal_rule(wrong="带头人物", right="带头人", before="(", note="")
    assert find("党员带头人物", [rule]) == []
    assert [s.right for s in find("党员(带头人物", [rule])] == ["带头人"]


def test_every_builtin_entry_names_its_source_and_note():
    rules = builtin_rules()
    assert len(rules) >= 40
    assert all(r.source in {"reference", "gongwen"} and r.note for r in rules)
    assert all(r.wrong != r.right for r in rules)


def test_checking_a_long_text_is_fast():
    text = CLEAN * 20  # ~10,000 characters, longer than a two-year summary
    began = time.perf_counter()
    check(text)
    assert time.perf_counter() - began < 0.5
