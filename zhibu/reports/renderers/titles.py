"""Breaking a long 公文 title into lines at natural boundaries (GB/T 9704-2012 7.3.2: 标题回行时，要做
到词意完整，排列对称，长短适宜): first between the organisation's name and the period and kind of
document, then, where a part is still longer than a line, at the boundary of a word such as the
start of a year or after 党委/党支部/学校 — never inside a word, as a plain wrap would
("……2021—2023年工作总 / 结").
"""

from __future__ import annotations

import re

from docx.shared import Mm, Pt

# The type area of GB/T 9704: A4 less margins of 28 mm (left) and 26 mm (right) is 156 mm; the title
# is 二号 (22 pt), so a line holds 156 mm / 22 pt ≈ 20 full-width characters. One is kept in hand so
# a title never touches both edges.
TYPE_WIDTH = Mm(156)
TITLE_SIZE = Pt(22)
LINE_EMS = int(TYPE_WIDTH / TITLE_SIZE) - 1
# Latin letters and digits are about 0.6 em in the CJK faces the title is set in (and in their
# stand-ins, Noto Serif CJK); everything else is one em.
NARROW_EM = 0.6
# Word boundaries to break a part at, as positions: before a year or an opening bracket, after an
# organisation word, before the kind of document.
BOUNDARIES = re.compile(
    r"(?<=[^\d])(?=\d{4})|(?=（)|(?<=党委)|(?<=党总支)|(?<=党支部)|(?<=委员会)|(?<=学校)|(?<=中学)"
    r"|(?<=小学)|(?=工作总结)|(?=工作周信息)|(?=关于)"
)


def ems(text: str) -> float:
    return sum(NARROW_EM if ch.isascii() else 1.0 for ch in text)


def title_lines(title: str, org_name: str = "", width: float = LINE_EMS) -> list[str]:
    """The lines of the title: one when it fits, else broken at the organisation's name and, where
    still too long, at the most balanced word boundary that fits."""
    if ems(title) <= width:
        return [title]
    if org_name and title.startswith(org_name) and len(title) > len(org_name):
        parts = [org_name, title[len(org_name) :]]
    else:
        parts = [title]
    return [line for part in parts for line in _split(part, width)]


def _split(part: str, width: float) -> list[str]:
    if ems(part) <= width:
        return [part]
    cuts = [m.start() for m in BOUNDARIES.finditer(part) if 0 < m.start() < len(part)]
    fitting = [cut for cut in cuts if ems(part[:cut]) <= width]
    closing = [cut for cut in fitting if ems(part[cut:]) <= width]
    if closing:  # two lines do: as even as the words allow
        cut = min(closing, key=lambda c: abs(ems(part[:c]) - ems(part[c:])))
    elif fitting:  # more lines needed: fill this one as far as a word boundary allows
        cut = max(fitting)
    else:
        cut = _fitting_prefix(part, width)
    return [part[:cut], *_split(part[cut:], width)]


def _fitting_prefix(part: str, width: float) -> int:
    """No word boundary fits: as many characters as the line holds (a name longer than a line)."""
    used = 0.0
    for index, ch in enumerate(part):
        used += NARROW_EM if ch.isascii() else 1.0
        if used > width:
            return max(1, index)
    return len(part)
