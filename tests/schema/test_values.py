from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from eventx import Company, Evidence, Horizon, Money, Percent


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"value": "2040000000", "currency": "usd", "text": "x"}, id="lowercase-currency"),
        pytest.param({"value": "1", "currency": "EURO", "text": "x"}, id="four-letter-currency"),
        pytest.param({"value": "abc", "currency": "EUR", "text": "x"}, id="not-a-number"),
        pytest.param(
            {"value": "5", "currency": "EUR", "text": "x", "low": "6", "high": "5"}, id="low-above-high"
        ),
    ],
)
def test_money_rejects(kwargs):
    with pytest.raises(ValidationError):
        Money(**kwargs)


def test_money_keeps_decimal_exactly():
    m = Money(value="2040000000", currency="USD", text="2,04 Milliarden Dollar")
    assert m.value == Decimal("2040000000") and isinstance(m.value, Decimal)


@pytest.mark.parametrize("duration", ["P12M", "P5Y", "P2Y6M", "P90D", "P2W", "PT36H"])
def test_horizon_accepts_iso_durations(duration):
    assert Horizon(text="t", duration=duration).duration == duration


@pytest.mark.parametrize("duration", ["12M", "P", "P12X", "twelve months", "P1.5Y"])
def test_horizon_rejects_bad_durations(duration):
    with pytest.raises(ValidationError):
        Horizon(text="t", duration=duration)


def test_horizon_deadline_is_a_date():
    assert Horizon(text="bis Ende 2026", deadline="2026-12-31").deadline == date(2026, 12, 31)


def test_evidence_offsets_must_match_text_length():
    Evidence(text="abc", start=3, end=6)
    with pytest.raises(ValidationError):
        Evidence(text="abc", start=3, end=7)
    with pytest.raises(ValidationError):
        Evidence(text="", start=5, end=4)
    with pytest.raises(ValidationError):
        Evidence(text="a", start=-1, end=0)


def test_company_isin_shape():
    assert Company(name="Siemens", mention="Siemens", isin="DE0007236101").isin == "DE0007236101"
    with pytest.raises(ValidationError):
        Company(name="Siemens", mention="Siemens", isin="DE000723610")


def test_percent_value():
    assert Percent(value="12.5", text="12,5 %").value == Decimal("12.5")


def test_values_are_frozen():
    m = Money(value="1", currency="EUR", text="1 Euro")
    with pytest.raises(ValidationError):
        m.value = Decimal("2")
