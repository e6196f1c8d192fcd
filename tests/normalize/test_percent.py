"""parse_percent: one percentage expression -> Percent | None."""

from __future__ import annotations

from decimal import Decimal

import pytest
from normalize_cases import PERCENT_CASES

from eventx.normalize import parse_percent
from eventx.normalize.percent import iter_percents


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [c[1:] for c in PERCENT_CASES],
    ids=[c[0] for c in PERCENT_CASES],
)
def test_parse_percent(lang: str, text: str, expected: str | None) -> None:
    got = parse_percent(text, lang)
    if expected is None:
        assert got is None
    else:
        assert got is not None and got.value == Decimal(expected)


def test_text_is_the_part_read() -> None:
    assert parse_percent("legte um 2,1 Prozent zu", "de").text == "2,1 Prozent"  # type: ignore[union-attr]


def test_iter_percents_skips_points() -> None:
    text = "Die Marge stieg um 2 Prozentpunkte auf 12,5 Prozent."
    assert [text[s:e] for s, e, _ in iter_percents(text, "de")] == ["12,5 Prozent"]
