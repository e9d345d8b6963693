"""Issue 14 on the demo school: the two-year summary's parts 三 and 四 read as a secretary writes
them to the bureau — read back from the .docx, with every number of 三 linking to its records."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.test import Client
from docx import Document as read_docx

from zhibu.core.models import Organisation, Person, User
from zhibu.core.periods import Period
from zhibu.people.tests.test_demo import demo_env, load_demo  # noqa: F401 - the fixture
from zhibu.reports.drafting import draft
from zhibu.reports.renderers import render

CAMPAIGN = Period.span(date(2021, 9, 1), date(2023, 7, 31))
NUMBER = re.compile(r"\d+")


def _parts(texts: list[str]) -> tuple[list[str], list[str]]:
    three = texts.index("三、存在的不足")
    four = texts.index("四、今后的打算")
    weak = [t for t in texts[three + 1 : four] if t]
    plans = [t for t in texts[four + 1 :] if re.match(r"（\d+）", t)]
    return weak, plans


@pytest.fixture
def demo_summary(demo_env):  # noqa: F811 - the fixture imported above
    load_demo()
    school = Organisation.objects.get(code="yucai")
    document, values = draft("annual", school, CAMPAIGN)
    return school, document, values


def test_the_demo_schools_summary_reads_as_the_secretary_writes_it(demo_summary):
    school, document, _values = demo_summary
    out = read_docx(io.BytesIO(render("docx", document)))
    texts = [p.text.strip() for p in out.paragraphs]
    weak, plans = _parts(texts)
    assert 1 <= len(weak) <= 6, weak
    assert 1 <= len(plans) <= 8, plans
    assert [int(re.match(r"（(\d+)）", p).group(1)) for p in plans] == list(range(1, len(plans) + 1))
    assert plans[-1] == f"（{len(plans)}）按照上级党组织的党建工作部署，认真做好各项党建工作。"
    # no member's name goes upward in 三 or 四
    names = set(
        Person.objects.filter(organisation__path__startswith=school.path).values_list("name", flat=True)
    )
    said = "\n".join(weak + plans)
    assert not [name for name in names if name in said]
    # the same fact is never stated twice: the unchecked notes of a month the office never
    # checked are that month's fact, and each weakness opens a paragraph once
    assert said.count("学习笔记未经") == 1
    openings = [w.split("：")[0] for w in weak]
    assert len(openings) == len(set(openings))
    assert "“三会一课”执行还不够严格：" in weak[0]  # a 党员大会 without quorum is the gravest
    # no count of future meetings, no doubled punctuation
    assert not re.search(r"共\d+次", "\n".join(plans))
    assert not re.search(r"[，。；、]{2}", said)
    assert any(p.startswith("（1）严格落实“三会一课”制度，按月召开") for p in plans)


def test_every_number_of_part_three_links_to_its_records(demo_summary):
    school, document, values = demo_summary
    html = render("html", document).decode()
    weak_html = html.split("三、存在的不足")[1].split("四、今后的打算")[0]
    plain = re.sub(r"<a [^>]*>.*?</a>", "", weak_html)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert not NUMBER.search(plain), plain  # every digit is inside a figure link
    links = re.findall(r'<a class="fig[^"]*" href="([^"]+)"[^>]*>(\d+)</a>', weak_html)
    assert links
    secretary = User.objects.get(username="secretary")
    client = Client()
    client.force_login(secretary)
    for href, shown in links:
        page = client.get(href.replace("&amp;", "&"))
        assert page.status_code == 200, href
        assert page.context["value"].value == int(shown), href
    # the numbers are the findings' counts: "支委会有2个月未按期召开"
    committee = [v for k, v in values.items() if k.startswith("findings.count|fact=type=支委会")]
    assert committee and all(int(v["value"]) >= 1 for v in committee)
