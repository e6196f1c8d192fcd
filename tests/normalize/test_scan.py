"""The scanner of possible expression starts: its plain-Python reading (short strings) and
its array reading (articles) give the same starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventx.normalize import scan

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"

TEXTS = [
    ("de", "Der Konzern will rund 1,35 Mrd. Euro bis Ende 2026 investieren."),
    ("de", "im Unternehmen 4.800 Beschäftigte, im Juni, bis\nEnde März 2027, 12 %"),
    ("en", "It will spend about $2.04bn by the end of 2026 and cut 2,000 jobs."),
    ("en", "by the the end"),  # a lead with two skipped words before its follower
    ("en", "revenue rose 12% to £300m in H1/26; guidance for mid-2026"),
    ("de", "bis"),  # a lead as the last token
    ("en", ""),
    *[(p.name[:2], p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))],
]


@pytest.mark.parametrize(("lang", "text"), TEXTS, ids=[f"{i}-{t[0]}" for i, t in enumerate(TEXTS)])
def test_list_and_array_readings_agree(monkeypatch, lang, text):
    monkeypatch.setattr(scan, "_ARRAY_FROM", 0)
    by_array = scan.starts(text, lang)
    monkeypatch.setattr(scan, "_ARRAY_FROM", 10**9)
    by_list = scan.starts(text, lang)
    assert by_array == by_list


def test_starts_of_an_amount_and_a_horizon():
    text = "Der Konzern will rund 1,35 Mrd. Euro bis Ende 2026 investieren."
    found = scan.starts(text, "de")
    assert text.index("rund") in found.money
    assert text.index("bis") in found.horizon
