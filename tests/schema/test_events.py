"""Every event type validates, round-trips through JSON unchanged, and is in the union."""

from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

import eventx
from eventx.schema import EVENT_MODELS, EVENT_TYPES, Company, Evidence, Horizon, Money, Percent

TEXT = "Siemens verkauft seine Sparte für 2,04 Mrd. Euro."
BASE = dict(
    company=Company(name="Siemens", mention="Siemens", ticker="SIE", isin="DE0007236101"),
    status="planned",
    date=date(2025, 6, 1),
    evidence=Evidence(text=TEXT, start=0, end=len(TEXT)),
    lang="de",
    confidence=0.8,
)
EUR = Money(value="2040000000", currency="EUR", text="2,04 Mrd. Euro")
VAGUE = Money(
    value="100000000000", currency="USD", text="Hunderte Milliarden Dollar", approximate=True,
    low="100000000000", high="999000000000",
)
BOSCH = Company(name="Robert Bosch", mention="Bosch")

OWN_FIELDS = {
    "asset_sale": dict(asset="Rechenzentren", amount=EUR, buyer=BOSCH, classification="held_for_sale",
                       horizon=Horizon(text="innerhalb von zwölf Monaten", duration="P12M")),
    "acquisition": dict(target=BOSCH, amount=EUR, stake=Percent(value="51", text="51 %")),
    "merger": dict(partner=BOSCH, amount=EUR),
    "investment": dict(amount=VAGUE, purpose="KI-Rechenzentren", location="Texas",
                       horizon=Horizon(text="bis Ende 2026", deadline=date(2026, 12, 31))),
    "financing": dict(amount=EUR, instrument="bond", partners=[BOSCH]),
    "partnership": dict(partners=[BOSCH], purpose="Batteriezellen"),
    "earnings": dict(metric="revenue", value=EUR, period="Q2 2025", change=Percent(value="-3.5", text="3,5 %")),
    "guidance": dict(metric="ebitda", direction="raised", low=EUR, high=EUR, period="2025"),
    "dividend": dict(amount=Money(value="1.10", currency="EUR", text="1,10 Euro"), direction="increased",
                     period="2024"),
    "share_buyback": dict(amount=EUR, shares=12_000_000,
                          horizon=Horizon(text="bis Ende 2026", deadline=date(2026, 12, 31))),
    "ipo": dict(exchange="Frankfurter Wertpapierbörse", amount=EUR, valuation=VAGUE),
    "layoffs": dict(headcount=2500, share=Percent(value="8", text="8 %"), location="Deutschland"),
    "management_change": dict(person="Roland Busch", role="CEO", change="appointed"),
    "insolvency": dict(court="Amtsgericht München", proceeding="Insolvenz in Eigenverwaltung"),
    "impairment": dict(amount=EUR, asset="Windkraftsparte"),
    "legal_action": dict(counterparty="EU-Kommission", amount=EUR, kind="fine"),
    "rating_change": dict(agency="S&P", direction="downgrade", from_rating="A", to_rating="A-"),
    "stock_split": dict(ratio="10:1", reverse=False),
}


def test_eighteen_types():
    assert len(EVENT_MODELS) == 18
    assert set(EVENT_TYPES) == set(OWN_FIELDS)


@pytest.mark.parametrize("kind", sorted(OWN_FIELDS))
def test_round_trip_through_json(kind):
    event = EVENT_TYPES[kind](**BASE, **OWN_FIELDS[kind])
    adapter = TypeAdapter(list[eventx.Event])
    again = adapter.validate_json(adapter.dump_json([event]))
    assert again == [event]
    assert type(again[0]) is type(event)
    single = TypeAdapter(eventx.Event).validate_json(event.model_dump_json())
    assert single == event


@pytest.mark.parametrize("kind", sorted(OWN_FIELDS))
def test_every_field_set_is_kept(kind):
    event = EVENT_TYPES[kind](**BASE, **OWN_FIELDS[kind])
    dumped = event.model_dump()
    for name in OWN_FIELDS[kind]:
        assert dumped[name] is not None


@pytest.mark.parametrize("bad", [
    pytest.param({"confidence": 1.2}, id="confidence-above-1"),
    pytest.param({"confidence": -0.1}, id="confidence-below-0"),
    pytest.param({"status": "done"}, id="unknown-status"),
    pytest.param({"lang": "fr"}, id="unknown-lang"),
])
def test_common_fields_validated(bad):
    with pytest.raises(ValidationError):
        EVENT_TYPES["merger"](**{**BASE, **bad}, partner=BOSCH)


@pytest.mark.parametrize("kind,missing", [("acquisition", "target"), ("merger", "partner"),
                                          ("management_change", "person")])
def test_required_own_fields(kind, missing):
    fields = dict(OWN_FIELDS[kind])
    del fields[missing]
    with pytest.raises(ValidationError):
        EVENT_TYPES[kind](**BASE, **fields)


def test_unknown_type_is_rejected_by_union():
    with pytest.raises(ValidationError):
        TypeAdapter(eventx.Event).validate_python({**BASE, "type": "spinoff"})


def test_json_schema_is_a_discriminated_union():
    schema = eventx.json_schema()
    assert schema["discriminator"]["propertyName"] == "type"
    assert set(schema["discriminator"]["mapping"]) == set(OWN_FIELDS)
    assert schema["version"]
