"""The scorer of SPEC section 7, with hand-made predicted events."""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventx import cli
from eventx.evaluate import (
    GoldError,
    GoldItem,
    _max_weight_assignment,
    company_key,
    evaluate,
    load_gold,
    load_gold_files,
    parse_gold_item,
)
from eventx.schema import EVENT_ADAPTER, Company, Evidence, Horizon, Money, Percent

# -- helpers ------------------------------------------------------------------------------


def co(name: str, mention: str | None = None) -> Company:
    return Company(name=name, mention=mention or name)


def usd(value: str | int, currency: str = "USD") -> Money:
    return Money(value=Decimal(str(value)), currency=currency, text=f"{value} {currency}")


def pred(type_: str, company: Company | str = "Siemens", status: str = "announced",
         lang: str = "en", **fields: Any):
    """A predicted event of ``type_`` built through the public schema."""
    if isinstance(company, str):
        company = co(company)
    return EVENT_ADAPTER.validate_python({
        "type": type_, "company": company, "status": status, "lang": lang,
        "evidence": Evidence(text="evidence", start=0, end=8), "confidence": 0.9, **fields,
    })


def item(*events: dict[str, Any], id: str = "t-1", lang: str = "en") -> GoldItem:
    return parse_gold_item({"id": id, "lang": lang, "published": "2025-07-31",
                            "text": "some text", "events": list(events)})


def gold(type_: str, company: list[str] | None = None, **fields: Any) -> dict[str, Any]:
    return {"type": type_, "company": company or ["Siemens", "Siemens AG"], **fields}


def score(gold_item: GoldItem, *predicted):
    return evaluate([gold_item], [list(predicted)])


# -- company names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Siemens AG", "siemens", True),
        ("Apple Inc.", "APPLE", True),
        ("Harlow Logistics plc", "Harlow Logistics", True),
        ("Henkel AG & Co. KGaA", "Henkel", True),
        ("Nestlé S.A.", "nestlé", True),
        ("ASML Holding N.V.", "ASML Holding", True),
        ("Kestrel Biotech Inc.", "Kestrel Biotech, Inc.", True),
        ("Microsoft Corp.", "Microsoft Corporation", True),
        ("Ford Motor Co.", "Ford Motor", True),
        ("Merck KGaA", "Merck", True),
        ("Acme Widgets LLC", "Acme Widgets Ltd.", True),
        ("The Walt Disney Company", "Walt Disney", True),
        ("Siemens\u00adEnergy", "SiemensEnergy", True),
        ("Siemens Energy", "Siemens", False),
        ("HSBC Holdings plc", "HSBC", False),
        ("Deutsche Bank", "Commerzbank", False),
    ],
    ids=lambda x: str(x),
)
def test_company_key(a: str, b: str, same: bool) -> None:
    assert (company_key(a) == company_key(b)) is same


def test_company_key_of_a_bare_legal_form_is_not_empty() -> None:
    assert company_key("AG") == "ag"


# -- finding events -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_event", "predicted", "tp", "fp", "fn"),
    [
        pytest.param(gold("acquisition", target=["Kestrel Biotech"]),
                     pred("acquisition", target=co("Kestrel Biotech Inc.")), 1, 0, 0,
                     id="exact-match"),
        pytest.param(gold("acquisition", target=["Kestrel Biotech"]),
                     pred("merger", partner=co("Kestrel Biotech")), 0, 1, 1,
                     id="wrong-type"),
        pytest.param(gold("layoffs", ["Meta"]), pred("layoffs", co("Meta Platforms", "Meta")),
                     1, 0, 0, id="company-by-mention"),
        pytest.param(gold("layoffs", ["Meta Platforms"]),
                     pred("layoffs", co("Meta Platforms", "the group")), 1, 0, 0,
                     id="company-by-name"),
        pytest.param(gold("layoffs", ["Siemens AG"]), pred("layoffs", co("SIEMENS")),
                     1, 0, 0, id="legal-suffix-and-case"),
        pytest.param(gold("layoffs", ["Siemens"]), pred("layoffs", co("Siemens Energy AG")),
                     0, 1, 1, id="other-company"),
    ],
)
def test_event_found(gold_event, predicted, tp: int, fp: int, fn: int) -> None:
    c = score(item(gold_event), predicted).events()
    assert (c.tp, c.fp, c.fn) == (tp, fp, fn)


def test_one_prediction_matches_one_gold_event_only() -> None:
    two_gold = item(gold("layoffs", headcount=500), gold("layoffs", headcount=1200))
    c = score(two_gold, pred("layoffs", headcount=500)).events()
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    c = score(item(gold("layoffs")), pred("layoffs"), pred("layoffs")).events()
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_assignment_prefers_the_pairing_with_more_right_arguments() -> None:
    two_gold = item(gold("layoffs", headcount=500), gold("layoffs", headcount=1200))
    r = score(two_gold, pred("layoffs", headcount=1200), pred("layoffs", headcount=500))
    assert r.events().tp == 2
    assert (r.arguments().right, r.arguments().total) == (2, 2)


def test_assignment_maximises_matches_before_arguments() -> None:
    # g0 accepts X or Y and agrees with p0 (X); g1 accepts only X. Pairing g0-p0 would give
    # one match with a right argument; the maximum is two matches: g0-p1, g1-p0.
    g = item(gold("layoffs", ["X", "Y"], headcount=10), gold("layoffs", ["X"]))
    r = score(g, pred("layoffs", "X", headcount=10), pred("layoffs", "Y", headcount=99))
    assert (r.events().tp, r.events().fp, r.events().fn) == (2, 0, 0)
    assert (r.arguments().right, r.arguments().total) == (0, 1)


def test_matching_does_not_depend_on_order() -> None:
    g = item(gold("layoffs", ["X", "Y"]), gold("layoffs", ["X"]))
    for order in itertools.permutations([pred("layoffs", "X"), pred("layoffs", "Y")]):
        assert score(g, *order).events().tp == 2


# -- arguments ----------------------------------------------------------------------------

M = {"value": 2040000000, "currency": "USD"}
APPROX = {"value": 1250000000, "currency": "USD", "approximate": True,
          "low": 1000000000, "high": 1500000000}


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "right", "total"),
    [
        pytest.param({"amount": M}, {"amount": usd(2040000000)}, 1, 1, id="money-exact"),
        pytest.param({"amount": M}, {"amount": usd(2050000000)}, 1, 1, id="money-within-1pct"),
        pytest.param({"amount": M}, {"amount": usd(2060400000)}, 1, 1, id="money-at-1pct"),
        pytest.param({"amount": M}, {"amount": usd(2000000000)}, 0, 1, id="money-outside-1pct"),
        pytest.param({"amount": M}, {"amount": usd(2040000000, "EUR")}, 0, 1,
                     id="money-other-currency"),
        pytest.param({"amount": M}, {}, 0, 1, id="money-missing"),
        pytest.param({"amount": APPROX}, {"amount": usd(1000000000)}, 1, 1, id="approx-low"),
        pytest.param({"amount": APPROX}, {"amount": usd(1500000000)}, 1, 1, id="approx-high"),
        pytest.param({"amount": APPROX}, {"amount": usd(1260000000)}, 1, 1, id="approx-value"),
        pytest.param({"amount": APPROX}, {"amount": usd(1600000000)}, 0, 1, id="approx-above"),
        pytest.param({"amount": {**APPROX, "approximate": False, "low": None, "high": None}},
                     {"amount": usd(1000000000)}, 0, 1, id="not-approx-no-range"),
        pytest.param({"amount": {"currency": "USD", "approximate": True, "low": 100000000000}},
                     {"amount": usd(300000000000)}, 1, 1, id="approx-open-above"),
        pytest.param({"horizon": {"duration": "P12M"}},
                     {"horizon": Horizon(text="within a year", duration="P12M")}, 1, 1,
                     id="horizon-duration"),
        pytest.param({"horizon": {"duration": "P12M"}},
                     {"horizon": Horizon(text="by mid-2026", deadline=date(2026, 7, 31))}, 0, 1,
                     id="horizon-deadline-for-duration"),
        pytest.param({"horizon": {"deadline": "2026-12-31"}},
                     {"horizon": Horizon(text="by end of 2026", deadline=date(2026, 12, 31))},
                     1, 1, id="horizon-deadline"),
        pytest.param({"horizon": {"duration": "P12M", "deadline": "2026-07-31"}},
                     {"horizon": Horizon(text="x", deadline=date(2026, 7, 31))}, 1, 1,
                     id="horizon-either"),
        pytest.param({"horizon": {"duration": "P12M"}},
                     {"horizon": Horizon(text="x", duration="P1Y")}, 0, 1,
                     id="horizon-other-duration"),
        pytest.param({"status": "planned", "classification": "held_for_sale"},
                     {"status": "planned", "classification": "HELD_FOR_SALE"}, 2, 2,
                     id="strings-ignore-case"),
        pytest.param({"status": "completed"}, {"status": "planned"}, 0, 1, id="status-wrong"),
        pytest.param({"buyer": ["Blackstone", "Blackstone Inc."]},
                     {"buyer": co("Blackstone Inc")}, 1, 1, id="company-field"),
        pytest.param({"buyer": ["Blackstone"]}, {"buyer": co("Brookfield")}, 0, 1,
                     id="company-field-wrong"),
        pytest.param({"date": "2025-06-30"}, {"date": date(2025, 6, 30)}, 1, 1, id="date"),
        pytest.param({"date": "2025-06-30"}, {"date": date(2025, 6, 1)}, 0, 1, id="date-wrong"),
        pytest.param({"asset": "data centers"}, {"asset": "Data  Centers"}, 1, 1,
                     id="string-whitespace"),
        pytest.param({}, {"amount": usd(1), "asset": "x", "status": "planned"}, 0, 0,
                     id="not-given-not-scored"),
    ],
)
def test_asset_sale_arguments(gold_fields, pred_fields, right: int, total: int) -> None:
    g = gold("asset_sale", **{k: v for k, v in gold_fields.items() if v is not None})
    g = {k: ({kk: vv for kk, vv in v.items() if vv is not None} if isinstance(v, dict) else v)
         for k, v in g.items()}
    r = score(item(g), pred("asset_sale", **pred_fields))
    assert r.events().tp == 1
    a = r.arguments()
    assert (a.right, a.total) == (right, total)


@pytest.mark.parametrize(
    ("type_", "gold_fields", "pred_fields", "right", "total"),
    [
        pytest.param("acquisition", {"target": ["Kestrel Biotech"], "stake": {"value": 12.5}},
                     {"target": co("Kestrel Biotech Inc."),
                      "stake": Percent(value=Decimal("12.5"), text="12.5%")}, 2, 2,
                     id="percent-right"),
        pytest.param("acquisition", {"target": ["Kestrel"], "stake": {"value": 12.5}},
                     {"target": co("Kestrel"),
                      "stake": Percent(value=Decimal("12.6"), text="12.6%")}, 1, 2,
                     id="percent-wrong"),
        pytest.param("partnership", {"partners": [["Nvidia", "Nvidia Corp."], "Foxconn"]},
                     {"partners": [co("NVIDIA Corporation"), co("Foxconn")]}, 2, 2,
                     id="partners-all"),
        pytest.param("partnership", {"partners": [["Nvidia"], ["Foxconn"]]},
                     {"partners": [co("Foxconn"), co("Intel")]}, 1, 2, id="partners-some"),
        pytest.param("financing", {"partners": ["Apollo", "Blue Owl"]}, {}, 0, 2,
                     id="partners-none-predicted"),
        pytest.param("layoffs", {"headcount": 1200}, {"headcount": 1200}, 1, 1, id="int"),
        pytest.param("layoffs", {"headcount": 1200}, {"headcount": 1000}, 0, 1, id="int-wrong"),
        pytest.param("stock_split", {"ratio": "10:1", "reverse": False},
                     {"ratio": "10:1"}, 2, 2, id="bool-default"),
        pytest.param("stock_split", {"reverse": True}, {"reverse": False}, 0, 1,
                     id="bool-wrong"),
        pytest.param("management_change", {"person": "Jane Doe", "role": "CFO"},
                     {"person": "jane doe", "role": "cfo"}, 2, 2, id="person-role"),
        pytest.param("guidance", {"direction": "raised", "low": {"value": 5e9, "currency": "EUR"}},
                     {"direction": "raised", "low": usd(5020000000, "EUR")}, 2, 2,
                     id="guidance-low"),
    ],
)
def test_arguments_by_kind(type_: str, gold_fields, pred_fields, right: int, total: int) -> None:
    person = {"person": "Someone"} if type_ == "management_change" else {}
    required = {"acquisition": {"target": co("Z")}, "merger": {"partner": co("Z")}}
    r = score(item(gold(type_, **gold_fields)),
              pred(type_, **{**required.get(type_, {}), **person, **pred_fields}))
    assert r.events().tp == 1
    assert (r.arguments().right, r.arguments().total) == (right, total)


def test_arguments_of_missed_events_are_not_counted() -> None:
    r = score(item(gold("layoffs", status="completed", headcount=5)))
    assert r.arguments().total == 0
    assert r.argument_accuracy is None


# -- breakdowns ---------------------------------------------------------------------------


def test_breakdown_per_language_and_type() -> None:
    items = [
        item(gold("layoffs", headcount=100), gold("dividend", direction="cut"), id="de-1",
             lang="de"),
        item(gold("layoffs", headcount=7), id="en-1"),
        item(id="en-2"),
    ]
    predictions = {
        "de-1": [pred("layoffs", lang="de", headcount=100), pred("ipo", lang="de")],
        "en-1": [pred("layoffs", headcount=8)],
        "en-2": [pred("dividend")],
    }
    r = evaluate(items, predictions)
    assert (r.events().tp, r.events().fp, r.events().fn) == (2, 2, 1)
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(4 / 7)
    de, en = r.events(lang="de"), r.events(lang="en")
    assert (de.tp, de.fp, de.fn) == (1, 1, 1)
    assert (en.tp, en.fp, en.fn) == (1, 1, 0)
    assert (r.events(type="layoffs").tp, r.events(type="layoffs").fn) == (2, 0)
    assert (r.events(type="dividend").fp, r.events(type="dividend").fn) == (1, 1)
    assert r.events(type="ipo").fp == 1
    assert r.arguments(lang="de").accuracy == 1.0
    assert r.arguments(lang="en").accuracy == 0.0
    assert r.arguments(field="headcount").to_dict() == {"right": 1, "total": 2, "accuracy": 0.5}
    assert (r.items, r.items_without_events, r.false_alarm_items) == (3, 1, 1)
    assert (r.gold_arguments(), r.gold_arguments(field="direction")) == (3, 1)
    assert r.fields == ["direction", "headcount"]

    d = json.loads(r.to_json())
    assert d["events"]["by_lang"]["de"]["tp"] == 1
    assert d["events"]["by_type"]["layoffs"]["recall"] == 1.0
    assert d["events"]["by_lang_type"]["en"]["dividend"]["fp"] == 1
    assert d["arguments"]["by_lang_field"]["en"]["headcount"]["accuracy"] == 0.0
    kinds = sorted(m["kind"] for m in d["misses"])
    assert kinds == ["missed", "spurious", "spurious", "wrong_argument"]
    wrong = next(m for m in d["misses"] if m["kind"] == "wrong_argument")
    assert (wrong["field"], wrong["gold"], wrong["predicted"]) == ("headcount", 7, 8)

    text = r.to_text()
    assert "layoffs" in text and "wrong_argument" in text and "headcount: gold 7" in text


def test_filters_by_type_and_language() -> None:
    items = [item(gold("layoffs"), gold("dividend"), id="de-1", lang="de"),
             item(gold("layoffs"), id="en-1")]
    predictions = {"de-1": [pred("dividend", lang="de")], "en-1": [pred("layoffs")]}
    r = evaluate(items, predictions, types=["layoffs"])
    assert (r.events().gold, r.events().predicted, r.events().tp) == (2, 1, 1)
    r = evaluate(items, predictions, langs=["de"])
    assert (r.items, r.events().gold, r.events().tp) == (1, 2, 1)
    with pytest.raises(ValueError, match="unknown event types"):
        evaluate(items, predictions, types=["takeover"])


# -- empty input and prediction sources -----------------------------------------------------


def test_empty_gold_and_empty_prediction() -> None:
    r = evaluate([], [])
    assert (r.items, r.precision, r.recall, r.f1, r.argument_accuracy) == (0, None, None, None,
                                                                          None)
    assert "0 items" in r.to_text()
    r = score(item(gold("layoffs")))
    assert (r.precision, r.recall, r.f1) == (None, 0.0, 0.0)
    r = score(item(), pred("layoffs"))
    assert (r.precision, r.recall, r.f1) == (0.0, None, 0.0)
    r = score(item())
    assert (r.items_without_events, r.false_alarm_items, r.f1) == (1, 0, None)


def test_prediction_sources() -> None:
    g = [item(gold("layoffs", headcount=3))]
    p = pred("layoffs", headcount=3)
    calls: list[tuple[str, str, date | None]] = []

    def predict(text: str, lang: str, published: date | None):
        calls.append((text, lang, published))
        return [p]

    assert evaluate(g, predict).events().tp == 1
    assert calls == [("some text", "en", date(2025, 7, 31))]
    assert evaluate(g, {"t-1": [p]}).events().tp == 1
    assert evaluate(g, {}).events().fn == 1
    as_json = {"id": "t-1", **p.model_dump(mode="json")}
    assert evaluate(g, [[as_json]]).arguments().right == 1
    with pytest.raises(ValueError, match="1 gold items"):
        evaluate(g, [[], []])


def test_a_failing_prediction_is_reported_not_raised() -> None:
    def broken(text: str, lang: str, published: date | None):
        raise RuntimeError("boom")

    r = evaluate([item(gold("layoffs"))], broken)
    assert r.errors == [("t-1", "RuntimeError: boom")]
    assert r.events().fn == 1
    assert "boom" in r.to_text()
    with pytest.raises(RuntimeError):
        evaluate([item(gold("layoffs"))], broken, raise_errors=True)


def test_default_predictor_runs_the_extractor() -> None:
    g = item(id="en-x")
    r = evaluate([g])
    assert r.items == 1 and not r.errors


# -- gold files ---------------------------------------------------------------------------

GOOD = {"id": "en-1", "lang": "en", "published": "2025-07-31", "text": "t", "events": [
    {"type": "asset_sale", "company": ["Meta"], "status": "planned",
     "amount": {"value": 2.04e9, "currency": "USD"}, "horizon": {"duration": "P12M"}}]}


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _with(**changes: Any) -> str:
    rec = json.loads(json.dumps(GOOD))
    ev = rec["events"][0]
    for key, value in changes.items():
        target = ev if key.startswith("ev_") else rec
        key = key.removeprefix("ev_")
        if value is None:
            target.pop(key)
        else:
            target[key] = value
    return json.dumps(rec)


def test_load_gold_reads_a_good_file(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(GOOD), "", json.dumps({**GOOD, "id": "en-2"}))
    items = load_gold(path)
    assert [i.id for i in items] == ["en-1", "en-2"]
    assert items[1].line == 3 and items[0].published == date(2025, 7, 31)
    ev = items[0].events[0]
    assert ev.status == "planned" and ev.n_arguments() == 3
    assert ev.arguments["amount"].value == Decimal("2040000000")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="json"),
        pytest.param("[1, 2]", "expected a JSON object", id="not-object"),
        pytest.param(_with(lang=None), "missing 'lang'", id="no-lang"),
        pytest.param(_with(lang="fr"), "'lang' must be one of", id="lang"),
        pytest.param(_with(events=None), "missing 'events'", id="no-events"),
        pytest.param(_with(events={}), "'events' must be a list", id="events-type"),
        pytest.param(_with(published="31.07.2025"), "ISO date", id="published"),
        pytest.param(_with(extra=1), "unknown keys", id="item-key"),
        pytest.param(_with(ev_type="takeover"), "type must be one of", id="type"),
        pytest.param(_with(ev_company=None), "has no 'company'", id="no-company"),
        pytest.param(_with(ev_company=[]), "non-empty list of names", id="company-empty"),
        pytest.param(_with(ev_status="done"), "status must be one of", id="status"),
        pytest.param(_with(ev_target=["X"]), "asset_sale has no field 'target'", id="field"),
        pytest.param(_with(ev_confidence=0.5), "not scored", id="not-scored"),
        pytest.param(_with(ev_amount={"value": 1, "currency": "usd"}), "ISO 4217", id="currency"),
        pytest.param(_with(ev_amount={"value": "lots", "currency": "USD"}), "must be a number",
                     id="amount-value"),
        pytest.param(_with(ev_amount={"currency": "USD"}), "needs a value", id="amount-missing"),
        pytest.param(_with(ev_amount={"value": 1, "currency": "USD", "low": 0}),
                     "only read when approximate", id="low-not-approx"),
        pytest.param(_with(ev_horizon={"duration": "12 months"}), "ISO 8601", id="duration"),
        pytest.param(_with(ev_horizon={"text": "soon"}), "'duration' and/or", id="horizon"),
        pytest.param(_with(ev_classification=7), "non-empty string", id="string"),
    ],
)
def test_malformed_gold_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, json.dumps(GOOD).replace("en-1", "en-0"), line)
    with pytest.raises(GoldError, match=message) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert info.value.line == 2


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"type": "guidance", "company": ["X"], "direction": "up"}, "must be one of raised"),
        ({"type": "layoffs", "company": ["X"], "headcount": "1,200"}, "whole number"),
        ({"type": "stock_split", "company": ["X"], "reverse": "yes"}, "true or false"),
        ({"type": "acquisition", "company": ["X"], "stake": {"pct": 5}}, "like {'value'"),
        ({"type": "partnership", "company": ["X"], "partners": [[]]}, "partners\\[0\\]"),
        ({"type": "asset_sale", "company": ["X"], "date": "June"}, "ISO date"),
    ],
    ids=["literal", "int", "bool", "percent", "partners", "date"],
)
def test_malformed_gold_values(event: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_gold_item({"id": "x", "lang": "en", "text": "", "events": [event]}, "f", 9)


def test_duplicate_ids(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(GOOD), json.dumps(GOOD))
    with pytest.raises(GoldError, match="duplicate id 'en-1'"):
        load_gold(path)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    single = _write(tmp_path, json.dumps(GOOD))
    with pytest.raises(GoldError, match="duplicate id 'en-1' \\(also in"):
        load_gold_files([single, other])


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "nope.jsonl")


# -- command line -------------------------------------------------------------------------


def test_cli_scores_saved_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path = _write(tmp_path, json.dumps(GOOD))
    p = pred("asset_sale", co("Meta Platforms", "Meta"), status="planned",
             amount=usd(2040000000), horizon=Horizon(text="x", duration="P12M"))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps({"id": "en-1", **p.model_dump(mode="json")}) + "\n")
    code = cli.main(["evaluate", str(gold_path), "--predictions", str(pred_path),
                     "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["events"]["all"]["f1"] == 1.0
    assert out["arguments"]["all"] == {"right": 3, "total": 3, "accuracy": 1.0, "gold": 3}


def test_cli_text_and_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path = _write(tmp_path, json.dumps(GOOD))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("")
    assert cli.main(["evaluate", str(gold_path), "--predictions", str(pred_path),
                     "--misses", "5", "--type", "asset_sale", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "asset_sale" in out and "missed" in out
    assert cli.main(["evaluate", str(gold_path), "--predictions", str(pred_path),
                     "--misses", "0"]) == 0
    assert "missed" not in capsys.readouterr().out


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, json.dumps(GOOD), '{"id": "x"}')
    assert cli.main(["evaluate", str(bad)]) == 1
    assert f"{bad}:2:" in capsys.readouterr().err
    bad_pred = tmp_path / "pred.jsonl"
    bad_pred.write_text('{"id": "en-1", "type": "layoffs"}\n')
    good = _write(tmp_path, json.dumps(GOOD))
    assert cli.main(["evaluate", str(good), "--predictions", str(bad_pred)]) == 1
    assert f"{bad_pred}:1:" in capsys.readouterr().err
    for argv in (["evaluate"], ["evaluate", str(good), "--type", "takeover"],
                 ["evaluate", str(good), "--misses", "-1"],
                 ["evaluate", str(good), "--lang", "fr"]):
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        assert info.value.code == 2


# -- the assignment itself --------------------------------------------------------------------


def _brute_force(weights: list[list[int]]) -> int:
    rows, cols = len(weights), len(weights[0]) if weights else 0
    best = 0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        best = max(best, sum(weights[i][j] for i, j in enumerate(perm) if j < cols))
    return best


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(lambda r: st.integers(1, 4).flatmap(
    lambda c: st.lists(st.lists(st.sampled_from([0, 0, 5, 6, 7]), min_size=c, max_size=c),
                       min_size=r, max_size=r))))
def test_assignment_is_optimal(weights: list[list[int]]) -> None:
    pairs = _max_weight_assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    assert sum(weights[i][j] for i, j in pairs) == _brute_force(weights)
