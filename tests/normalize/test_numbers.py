"""parse_number and parse_count: digits with locale separators, multipliers, number words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from normalize_cases import COUNT_CASES

from eventx.normalize.numbers import digits_value, parse_count, parse_number


@pytest.mark.parametrize(
    ("lang", "text", "expected"), [c[1:] for c in COUNT_CASES], ids=[c[0] for c in COUNT_CASES]
)
def test_parse_count(lang: str, text: str, expected: int | None) -> None:
    assert parse_count(text, lang) == expected


NUMBER_CASES = [
    ("de-mrd", "de", "2,04 Mrd.", "2040000000"),
    ("de-millionen", "de", "1,2 Millionen", "1200000"),
    ("de-words", "de", "zwölf", "12"),
    ("de-words-compound", "de", "zweihundertfünfzig", "250"),
    ("de-article-mult", "de", "eine Milliarde", "1000000000"),
    ("de-fraction-word", "de", "anderthalb Millionen", "1500000"),
    ("de-both-marks", "de", "1.234,5", "1234.5"),
    ("de-leading-zero", "de", "0,125", "0.125"),
    ("de-three-decimals-mult", "de", "2,040 Mrd.", "2040000000"),
    ("de-thin-space", "de", "2\u2009000", "2000"),
    ("de-apostrophe", "de", "1'234'567", "1234567"),
    ("de-bio", "de", "2 Bio.", "2000000000000"),
    ("de-none-article-alone", "de", "eine", None),
    ("de-none-und", "de", "und", None),
    ("de-none-trailing-text", "de", "12 Stellen", None),
    ("de-none-empty", "de", "", None),
    ("en-bn", "en", "2.04bn", "2040000000"),
    ("en-comma", "en", "3,000", "3000"),
    ("en-both-marks", "en", "1,234.5", "1234.5"),
    ("en-three-decimals-mult", "en", "1,500 billion", "1500000000000"),
    ("en-article-mult", "en", "a billion", "1000000000"),
    ("en-words-hyphen", "en", "twenty-five", "25"),
    ("en-words-and", "en", "one hundred and twenty", "120"),
    ("en-none-words", "en", "several", None),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), [c[1:] for c in NUMBER_CASES], ids=[c[0] for c in NUMBER_CASES]
)
def test_parse_number(lang: str, text: str, expected: str | None) -> None:
    got = parse_number(text, lang)
    assert got == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    ("text", "decimal", "scaled", "expected"),
    [
        ("2.500", ",", False, "2500"),
        ("2,500", ",", False, "2500"),
        ("2,500", ",", True, "2.5"),
        ("2.500", ".", True, "2.5"),
        ("2,500", ".", True, "2500"),
        ("1.234.567", ",", True, "1234567"),
        ("1,5", ".", False, "1.5"),
        ("1.2345", ",", False, "1.2345"),
        ("1.234,5", ".", False, "1234.5"),
        ("1.234.5", ",", False, "1234.5"),
    ],
    ids=[
        "dot-group",
        "comma-group",
        "comma-decimal-scaled",
        "point-decimal-scaled",
        "comma-group-scaled-en",
        "many-groups",
        "short-fraction",
        "long-fraction",
        "mixed",
        "repeated-mark-then-decimal",
    ],
)
def test_separator_rules(text: str, decimal: str, scaled: bool, expected: str | None) -> None:
    got = digits_value(text, decimal, scaled)
    assert got == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize("func", [parse_number, parse_count], ids=["number", "count"])
def test_text_must_be_str(func) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="int"):
        func(12, "de")
