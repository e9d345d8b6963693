"""按姓氏笔画 ordering.  Plain pytest: imports only zhibu.core.strokes, needs no Django or DB.

The expected values below were written out by hand from the mainland stroke-order standard
(1 横/提, 2 竖/竖钩, 3 撇, 4 点/捺, 5 折), not computed from the data file under test.
"""

from pathlib import Path

import pytest

from zhibu.core.strokes import name_sort_key, sort_by_surname_strokes, stroke_count, stroke_sequence

DATA = Path(__file__).resolve().parents[1] / "data" / "strokes.tsv"

# Hand-checked sequences, including the ones a careless table gets wrong.
SEQUENCES = {
    "王": "1121",
    "李": "1234521",  # 木 + 子 (横撇, 竖钩 -> 竖, 提 -> 横)
    "张": "5153154",  # 弓 515 + 长 3154
    "刘": "413422",  # 文 + 刂 (竖, 竖钩 -> 竖)
    "陈": "5215234",  # 阝 52 + 东 15234
    "杨": "1234533",
    "赵": "121213434",  # 走 1212134 + 乂 34
    "黄": "12212512134",
    "周": "35121251",
    "吴": "2511134",
    "马": "551",
    "丁": "12",
    "于": "112",
    "万": "153",
    "卫": "521",
    "小": "234",
    "必": "45434",
    "火": "4334",
    "出": "52252",
    "凹": "25251",
    "凸": "21251",
    "母": "55414",
    "达": "134454",  # 大 + 辶; the upstream table had dropped a stroke here
    "虽": "251251214",  # 口 + 虫; corrected from the upstream table
}

STROKE_COUNTS = {
    "丁": 2, "乃": 2, "于": 3, "马": 3, "王": 4, "长": 4, "巨": 4, "比": 4, "石": 5, "凹": 5,
    "刘": 6, "达": 6, "臣": 6, "李": 7, "周": 8, "赵": 9, "高": 10, "乘": 10, "黄": 11,
    "董": 12, "鼎": 12, "臧": 14, "蔡": 14, "潘": 15, "薛": 16, "彝": 18,
}  # fmt: skip

# Surnames in official order: by stroke count, then 横竖撇点折 stroke by stroke.
SURNAMES = (
    "丁"  # 2
    "于万卫马"  # 3: 112 153 521 551
    "王毛卞方尹孔邓"  # 4: 1121 3115 4124 4153 5113 5215 5452
    "左石龙卢叶田史白冯"  # 5: 13121 13251 13534 21513 25112 25121 25134 32511 41551
    "刘齐许孙"  # 6: 413422 413432 453112 521234
    "苏杜李杨吴何余邹汪沈宋张陈"  # 7: 1225344 1234121 1234521 1234533 2511134 3212512 ... 5215234
    "苑林罗金周郑孟"  # 8: 12235455 12341234 25221354 34112431 35121251 43113452 52125221
    "赵胡钟段姜贺"  # 9: 121213434 122513511 311152512 321113554 431121531 532512534
    "秦袁贾徐高郭唐"  # 10: 1113431234 1212513534 1252212534 3323411234 4125125251 4125152152 ...
    "黄曹崔梁"  # 11: 12212512134 12512212511 25232411121 44153441234
    "董蒋韩程谢"  # 12: 122312511211 122412354124 122511121152 312342511121 453251113124
    "蔡潘薛"  # 14 15 16
)

NAMES_IN_ORDER = [
    "丁文",
    "于洋",
    "万里",
    "卫东",
    "马力",
    "王小红",  # 王 ties: 小 (3) before 芳 (7); 红 (6) before 明 (8)
    "王小明",
    "王芳",
    "方明",
    "石磊",
    "卢山",
    "叶青",
    "田野",
    "白雪",
    "刘伟",
    "孙丽",
    "买买提·艾力",  # 买 544134 after 孙 521234; the middle dot is ignored
    "李娜",  # 娜 (9) before 强 (12)
    "李强",
    "杨帆",
    "吴刚",
    "张伟",  # 伟 321152 before 华 323512: same count, the third stroke decides
    "张华",
    "陈静",
    "周杰",
    "赵敏",
    "黄磊",
    "梁斌",
    "蔡琳",
    "潘峰",
    "薛冰",
]

SHUFFLED = [
    "张华", "薛冰", "王芳", "李强", "卢山", "买买提·艾力", "丁文", "周杰", "白雪", "马力", "陈静",
    "王小明", "叶青", "吴刚", "潘峰", "万里", "孙丽", "黄磊", "张伟", "于洋", "蔡琳", "刘伟",
    "田野", "梁斌", "方明", "卫东", "赵敏", "李娜", "石磊", "王小红", "杨帆",
]  # fmt: skip


@pytest.mark.parametrize(("ch", "seq"), sorted(SEQUENCES.items()))
def test_stroke_sequence(ch, seq):
    assert stroke_sequence(ch) == seq


@pytest.mark.parametrize(("ch", "count"), sorted(STROKE_COUNTS.items()))
def test_stroke_count(ch, count):
    assert stroke_count(ch) == count


def test_surnames_in_official_order():
    surnames = list(SURNAMES)
    assert len(surnames) >= 15
    assert sort_by_surname_strokes(reversed(surnames)) == surnames
    assert sort_by_surname_strokes(sorted(surnames)) == surnames


def test_full_names_sorted():
    assert sorted(SHUFFLED) == sorted(NAMES_IN_ORDER)
    assert sort_by_surname_strokes(SHUFFLED) == NAMES_IN_ORDER


def test_sort_with_key_is_stable():
    people = [{"name": "李强", "id": 1}, {"name": "王芳", "id": 2}, {"name": "李强", "id": 3}]
    result = sort_by_surname_strokes(people, key=lambda p: p["name"])
    assert [p["id"] for p in result] == [2, 1, 3]


def test_spaces_and_middle_dot_ignored():
    assert name_sort_key("王 芳") == name_sort_key("王芳")
    assert name_sort_key("买买提·艾力") == name_sort_key("买买提艾力")


def test_prefix_sorts_first():
    assert sort_by_surname_strokes(["王五一", "王五"]) == ["王五", "王五一"]


def test_unknown_characters_sort_last():
    unknown_a, unknown_b = "\ue001", "\ue000"  # private-use code points: never in the table
    assert stroke_sequence(unknown_a) == ""
    assert stroke_count(unknown_a) == 0
    names = [unknown_a + "三", "薛冰", unknown_b + "四", "丁文"]
    assert sort_by_surname_strokes(names) == ["丁文", "薛冰", unknown_b + "四", unknown_a + "三"]
    assert sort_by_surname_strokes(["王" + unknown_a, "王彝"]) == ["王彝", "王" + unknown_a]


def test_rejects_more_than_one_character():
    with pytest.raises(ValueError):
        stroke_sequence("王芳")


def test_covers_all_gb2312_hanzi():
    hanzi = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                hanzi.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert len(hanzi) == 6763
    assert [ch for ch in hanzi if not stroke_sequence(ch)] == []


def test_data_file_well_formed():
    lines = DATA.read_text(encoding="utf-8").splitlines()
    chars = [line.split("\t")[0] for line in lines]
    assert all(len(ch) == 1 for ch in chars)
    assert [ord(ch) for ch in chars] == sorted({ord(ch) for ch in chars})
    assert all(set(line.split("\t")[1]) <= set("12345") and line.count("\t") == 1 for line in lines)
    # The whole CJK Unified Ideographs block as of Unicode 4.1 (U+4E00..U+9FA5) is covered.
    assert {chr(cp) for cp in range(0x4E00, 0x9FA6)} <= set(chars)
