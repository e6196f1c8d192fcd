"""The gold files in ``fixtures/gold/`` parse, use only schema names and meet the minimums."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from eventx.evaluate import GoldItem, company_key, evaluate, load_gold, load_gold_files
from eventx.schema import EVENT_TYPES, STATUSES

GOLD_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))
EN = GOLD_DIR / "dev_en.jsonl"
DE = GOLD_DIR / "dev_de.jsonl"


def _types(items: list[GoldItem]) -> Counter[str]:
    return Counter(e.type for i in items for e in i.events)


def _statuses(items: list[GoldItem]) -> Counter[str]:
    return Counter(e.status for i in items for e in i.events)


def _short(counter: Counter[str], keys, minimum: int) -> dict[str, int]:
    return {k: counter[k] for k in keys if counter[k] < minimum}


def test_there_are_gold_files() -> None:
    assert EN in GOLD_FILES


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_every_line_parses_with_schema_names(path: Path) -> None:
    items = load_gold(path)  # raises GoldError with file:line on the first bad line
    assert items
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        where = f"{path.name}:{lineno}"
        assert rec["id"].startswith(f"{rec['lang']}-"), where
        assert rec["text"].strip() and rec.get("published"), where
        for ev in rec["events"]:
            assert ev["type"] in EVENT_TYPES, where
            assert ev.get("status") in STATUSES, f"{where}: every gold event gives a status"
            fields = set(EVENT_TYPES[ev["type"]].model_fields) | {"note"}
            assert set(ev) <= fields, f"{where}: {sorted(set(ev) - fields)}"


def test_gold_files_together_have_unique_ids() -> None:
    load_gold_files(GOLD_FILES)


def test_english_file_minimums() -> None:
    items = load_gold(EN)
    assert len(items) >= 100
    assert {i.lang for i in items} == {"en"}
    assert _short(_types(items), EVENT_TYPES, 4) == {}
    assert _short(_statuses(items), STATUSES, 2) == {}
    assert sum(not i.events for i in items) >= 15
    assert sum(len(i.events) >= 2 for i in items) >= 5
    assert any(len({e.company for e in i.events}) >= 2 for i in items)


def test_english_companies_are_named_in_their_text() -> None:
    for item in load_gold(EN):
        text = item.text.casefold()
        for ev in item.events:
            assert any(company_key(n) in text for n in ev.company), (item.id, ev.company)


@pytest.mark.skipif(not DE.exists(), reason="the German half of the dev gold set is not here yet")
def test_combined_minimums() -> None:
    items = load_gold_files(GOLD_FILES)
    by_lang = Counter(i.lang for i in items)
    assert len(items) >= 200
    assert all(0.4 <= by_lang[lg] / len(items) <= 0.6 for lg in ("de", "en")), by_lang
    assert _short(_types(items), EVENT_TYPES, 8) == {}
    assert _short(_statuses(items), STATUSES, 1) == {}
    assert sum(not i.events for i in items) >= 30


def _oracle(event) -> dict:
    """A predicted event (JSON form) that says exactly what a gold event says."""
    from eventx.evaluate import GoldHorizon, GoldMoney

    def company(names):
        return {"name": names[0], "mention": names[-1]}

    out = {"type": event.type, "company": company(event.company), "lang": "en",
           "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 1.0,
           "status": "announced"}
    required = {"acquisition": {"target": company(["?"])}, "merger": {"partner": company(["?"])},
                "management_change": {"person": "?"}}
    out.update(required.get(event.type, {}))
    for name, value in event.arguments.items():
        if isinstance(value, GoldMoney):
            amount = value.value if value.value is not None else (value.low or value.high)
            value = {"value": str(amount), "currency": value.currency, "text": "",
                     "approximate": value.approximate, "low": value.low, "high": value.high}
        elif isinstance(value, GoldHorizon):
            value = {"text": "", "duration": value.duration, "deadline": value.deadline}
        elif isinstance(value, Decimal):  # percentages are read as Decimal
            value = {"value": value, "text": ""}
        elif name == "partners":
            value = [company(names) for names in value]
        elif isinstance(value, tuple):
            value = company(value)
        out[name] = value
    return out


def test_an_oracle_scores_one_on_the_gold_set() -> None:
    """Every gold event can be stated with the schema, and the scorer accepts it."""
    items = load_gold_files(GOLD_FILES)
    predictions = [[_oracle(e) for e in item.events] for item in items]
    report = evaluate(items, predictions)
    assert (report.precision, report.recall, report.argument_accuracy) == (1.0, 1.0, 1.0)
    assert report.arguments().total == report.gold_arguments()
