"""One-time codes. Code n of a survey is "n-XXXXXXXX": the slip number and the first 8 base-32
characters of HMAC-SHA256(survey secret, public id and n). Nothing about the codes is stored but the
survey's secret (so the slips can be printed again) and, once used, a code's SHA-256."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

ALPHABET_FIX = str.maketrans({"0": "O", "1": "I", "8": "B"})  # what people type for what they read
CODE = re.compile(r"^(\d{1,5})-?([A-Z2-7]{8})$")


def _mac(survey, n: int) -> str:
    digest = hmac.new(survey.secret.encode(), f"{survey.public_id}:{n}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:8]


def code_for(survey, n: int) -> str:
    return f"{n}-{_mac(survey, n)}"


def codes(survey) -> list[str]:
    return [code_for(survey, n) for n in range(1, survey.respondents + 1)]


def normalise(raw: str) -> str:
    text = re.sub(r"[\s—–_]", "", (raw or "").upper())
    if "-" in text:
        number, _dash, mac = text.partition("-")
        return f"{number}-{mac.translate(ALPHABET_FIX)}"
    return text


def valid(survey, raw: str) -> str | None:
    """The code in its canonical form when it is one of this survey's, else None."""
    match = CODE.match(normalise(raw))
    if not match:
        return None
    n = int(match.group(1))
    if not 1 <= n <= survey.respondents:
        return None
    expected = _mac(survey, n)
    return f"{n}-{expected}" if hmac.compare_digest(expected, match.group(2)) else None


def digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()
