"""The reference article (SPEC section 4) and our own fixture articles, end to end."""

from decimal import Decimal
from pathlib import Path

import pytest

import eventx

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ceb04fbdeecfe6ef.txt"
FIXTURES = ROOT / "fixtures" / "articles"


def _by_type(events):
    out = {}
    for ev in events:
        assert ev.type not in out, f"one {ev.type} event expected, got several"
        out[ev.type] = ev
    return out


def _evidence_indexes(text, events):
    for ev in events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


@pytest.fixture(scope="module")
def seed_events():
    if not SEED.exists():
        pytest.skip("reference article not present")
    text = SEED.read_text(encoding="utf-8")
    return text, eventx.extract(text, published="2025-07-31")


def test_seed_three_events(seed_events):
    text, events = seed_events
    got = _by_type(events)
    assert set(got) == {"asset_sale", "financing", "investment"}
    _evidence_indexes(text, events)
    for ev in events:
        assert ev.company.name == "Meta Platforms"
        assert ev.lang == "de"


def test_seed_asset_sale(seed_events):
    _, events = seed_events
    sale = _by_type(events)["asset_sale"]
    assert sale.amount.currency == "USD"
    assert sale.amount.value == Decimal("2040000000")
    assert sale.classification == "held_for_sale"
    assert sale.horizon.duration == "P12M"
    assert sale.status == "planned"
    assert (sale.date.year, sale.date.month) == (2025, 6)
    assert "atenzentren" in sale.asset


def test_seed_financing(seed_events):
    _, events = seed_events
    fin = _by_type(events)["financing"]
    assert fin.instrument == "external_partners"
    assert fin.status == "considered"


def test_seed_investment(seed_events):
    _, events = seed_events
    inv = _by_type(events)["investment"]
    assert inv.amount.currency == "USD" and inv.amount.approximate
    assert inv.amount.value >= Decimal("100000000000")
    assert inv.status == "planned"
    assert "Supercluster" in inv.purpose


def test_seed_nothing_from_advice_or_footer(seed_events):
    text, events = seed_events
    advice = text.index("Ratschläge für Unternehmen")
    assert all(ev.evidence.start < advice for ev in events)


def test_german_fixture():
    text = (FIXTURES / "de_techkonzern_rechenzentren.txt").read_text(encoding="utf-8")
    events = eventx.extract(text, published="2025-10-30")
    got = _by_type(events)
    assert set(got) == {"asset_sale", "investment", "financing"}
    _evidence_indexes(text, events)
    assert all(ev.company.name == "Alphabet" for ev in events)
    sale = got["asset_sale"]
    assert (sale.amount.value, sale.amount.currency) == (Decimal("1350000000"), "EUR")
    assert sale.classification == "held_for_sale" and sale.status == "planned"
    inv = got["investment"]
    assert (inv.amount.value, inv.amount.currency) == (Decimal("7000000000"), "EUR")
    assert inv.location == "Deutschland" and inv.status == "planned"
    assert got["financing"].status == "considered"
    assert got["financing"].instrument == "external_partners"
    footer = text.index("Was Anleger")
    assert all(ev.evidence.start < footer for ev in events)


def test_english_fixture():
    text = (FIXTURES / "en_carmaker_charging_sale.txt").read_text(encoding="utf-8")
    events = eventx.extract(text, published="2025-03-04")
    got = _by_type(events)
    assert set(got) == {"asset_sale", "investment", "financing"}
    _evidence_indexes(text, events)
    assert all(ev.company.name == "Volkswagen" and ev.lang == "en" for ev in events)
    sale = got["asset_sale"]
    assert (sale.amount.value, sale.amount.currency) == (Decimal("1200000000"), "EUR")
    assert sale.horizon.duration == "P12M" and sale.classification == "held_for_sale"
    assert sale.status == "planned"
    inv = got["investment"]
    assert (inv.amount.value, inv.amount.currency) == (Decimal("5000000000"), "EUR")
    assert inv.location == "Spain"
    assert got["financing"].status == "considered"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Aktie von Volkswagen stieg am Dienstag um 2,5 Prozent.", "de"),
        ("Die Inflation in der Eurozone lag im Juni bei 2,4 Prozent.", "de"),
        ("Anleger sollten beim Verkauf von Aktien die Steuern im Blick behalten.", "de"),
        ("Shares in Volkswagen rose 1.8% in Frankfurt trading on Tuesday.", "en"),
        ("Investors should consider selling assets before the end of the year.", "en"),
        ("Sign up for our newsletter to get the best deals on data centers.", "en"),
    ],
)
def test_no_event_in_non_event_news(text, lang):
    assert eventx.extract(text, lang=lang) == []


def test_detects_language_per_document():
    de = eventx.extract("Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen.")
    en = eventx.extract("Volkswagen plans to sell its charging unit for €1.2 billion.")
    assert [e.lang for e in de] == ["de"] and [e.lang for e in en] == ["en"]
