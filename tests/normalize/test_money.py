"""parse_money: one amount expression -> Money | None (tables in normalize_cases.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from normalize_cases import MONEY_CASES, M

import eventx
from eventx import UnsupportedLanguageError
from eventx.normalize.money import iter_amounts, parse_money, per_share_before
from eventx.schema import Money


def _dec(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


@pytest.mark.parametrize(
    ("lang", "text", "expected"), [c[1:] for c in MONEY_CASES], ids=[c[0] for c in MONEY_CASES]
)
def test_parse_money(lang: str, text: str, expected: M | None) -> None:
    got = parse_money(text, lang)
    if expected is None:
        assert got is None
        return
    assert got is not None, f"no amount found in {text!r}"
    assert (got.value, got.currency) == (Decimal(expected.value), expected.currency)
    assert got.approximate is expected.approximate
    assert (got.low, got.high) == (_dec(expected.low), _dec(expected.high))
    assert got.text == (expected.text or text)


def test_tables_are_large_and_balanced() -> None:
    langs = [c[1] for c in MONEY_CASES]
    assert len(MONEY_CASES) >= 150
    assert abs(langs.count("de") - langs.count("en")) <= 0.2 * len(langs)
    assert sum(c[3] is None for c in MONEY_CASES) >= 25
    assert len({c[0] for c in MONEY_CASES}) == len(MONEY_CASES), "case ids must be unique"


def test_exported_from_package() -> None:
    assert eventx.parse_money is parse_money
    assert eventx.parse_money("$2.04bn", lang="en") == parse_money("$2.04bn", "en")


def test_value_has_no_spurious_exponent() -> None:
    money = parse_money("1,35 Milliarden Euro", "de")
    assert money is not None and str(money.value) == "1350000000"
    assert str(parse_money("1,10 Euro je Aktie", "de").value) == "1.1"  # type: ignore[union-attr]


def test_result_is_a_valid_money_model() -> None:
    money = parse_money("zwischen 1 und 1,5 Mrd. Euro", "de")
    assert isinstance(money, Money)
    assert Money.model_validate(money.model_dump()) == money
    assert money.low <= money.value <= money.high  # type: ignore[operator]


def test_billion_depends_on_language() -> None:
    assert parse_money("1 Billion Dollar", "de").value == Decimal(10) ** 12  # type: ignore[union-attr]
    assert parse_money("1 billion dollars", "en").value == Decimal(10) ** 9  # type: ignore[union-attr]


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        parse_money("2 Mrd. Euro", "fr")


def test_iter_amounts_offsets_index_the_text() -> None:
    text = "Der Konzern zahlt 1,35 Mrd. Euro und bis zu 500 Mio. Dollar; 1,10 Euro je Aktie."
    found = list(iter_amounts(text, "de"))
    assert [text[a.start : a.end] for a in found] == [
        "1,35 Mrd. Euro",
        "bis zu 500 Mio. Dollar",
        "1,10 Euro je Aktie",
    ]
    assert [a.per_share for a in found] == [False, False, True]
    assert [a.money.text for a in found] == [text[a.start : a.end] for a in found]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Dividende je Aktie von ", True),
        ("de", "Ergebnis je Aktie: ", True),
        ("de", "Der Kaufpreis von ", False),
        ("en", "earnings per share of ", True),
        ("en", "EPS of ", True),
        ("en", "revenue of ", False),
    ],
    ids=["de-dividende", "de-ergebnis", "de-kaufpreis", "en-eps-long", "en-eps", "en-revenue"],
)
def test_per_share_before(lang: str, text: str, expected: bool) -> None:
    assert per_share_before(text + "1,10", len(text), lang) is expected


@given(st.integers(min_value=1000, max_value=10**12))
def test_german_grouped_integers_round_trip(n: int) -> None:
    text = f"{n:,}".replace(",", ".") + " Euro"
    assert parse_money(text, "de").value == n  # type: ignore[union-attr]


@given(st.integers(min_value=1000, max_value=10**12))
def test_english_grouped_integers_round_trip(n: int) -> None:
    assert parse_money(f"${n:,}", "en").value == n  # type: ignore[union-attr]


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=99),
    st.sampled_from([("Mio.", 6), ("Mrd.", 9), ("Millionen", 6), ("Milliarden", 9)]),
)
def test_german_decimal_comma_with_multiplier(whole: int, frac: int, mult: tuple[str, int]) -> None:
    word, power = mult
    money = parse_money(f"{whole},{frac:02d} {word} Euro", "de")
    assert money is not None
    assert money.value == (Decimal(whole) + Decimal(frac) / 100) * Decimal(10) ** power


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError, match="bytes"):
        parse_money(b"2 Mrd. Euro", "de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "4.800 Beschäftigte, 2,5 bis 3 Milliarden Euro, 12 Mio. Aktien, rund 300 Millionen"
            " und 1 bis 2 Mrd., zwischen 5 und 6 Mio. Franken",
            ["2,5 bis 3 Milliarden Euro", "zwischen 5 und 6 Mio. Franken"],
        ),
        (
            "en",
            "2,000 jobs, $1-1.5bn, 3 to 4 billion dollars, 25 million shares, about 40 million"
            " and between 5 and 6 million euros",
            ["$1-1.5bn", "3 to 4 billion dollars", "between 5 and 6 million euros"],
        ),
    ],
)
def test_numbers_without_currency_are_no_money_but_ranges_take_the_second_ones(
    lang: str, text: str, expected: list[str]
) -> None:
    """A number without a currency is given up before it is read, unless a range's second
    side can bring one."""
    assert [text[a.start : a.end] for a in iter_amounts(text, lang)] == expected
