"""to_frame / extract_frame and the flat columns they share with CSV and Spark."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from generated import articles

import eventx
from eventx import rows
from eventx.frame import DTYPES
from eventx.schema import EVENT_ADAPTER, EVENT_MODELS

META = {"name": "Meta Platforms", "mention": "Meta"}
EVIDENCE = {"text": "Meta verkauft.", "start": 0, "end": 14}


def _event(**fields):
    base = {"company": META, "status": "planned", "evidence": EVIDENCE, "lang": "de",
            "confidence": 0.8}
    return EVENT_ADAPTER.validate_python({**base, **fields})


SALE = _event(
    type="asset_sale", asset="Rechenzentren", date="2025-06-01",
    amount={"value": "2040000000", "currency": "USD", "text": "2,04 Milliarden Dollar"},
    horizon={"text": "bis Ende 2026", "duration": "P12M", "deadline": "2026-12-31"},
)
PARTNERS = _event(type="partnership", partners=[
    {"name": "Siemens", "mention": "Siemens"}, {"name": "SAP", "mention": "SAP SE"}])
LAYOFFS = _event(type="layoffs", headcount=1200, share={"value": "12.5", "text": "12,5 %"})
SPLIT = _event(type="stock_split", ratio="10:1", reverse=True)


def test_columns_are_derived_from_every_model_field():
    names = rows.column_names()
    assert len(names) == len(set(names))
    assert names[:12] == [
        "type", "company_name", "company_mention", "company_ticker", "company_isin", "status",
        "date", "lang", "confidence", "evidence_text", "evidence_start", "evidence_end"]
    for model in EVENT_MODELS:
        for field, info in model.model_fields.items():
            assert any(n == field or n.startswith(field + "_") for n in names), field
    kinds = {c.name: c.kind for c in rows.COLUMNS}
    assert kinds["amount_value"] == "float" and kinds["headcount"] == "int"
    assert kinds["horizon_deadline"] == "date" and kinds["reverse"] == "bool"


def test_empty_input_gives_every_column_with_its_dtype():
    df = eventx.to_frame([])
    assert list(df.columns) == rows.column_names() and len(df) == 0
    for col in rows.COLUMNS:
        assert df[col.name].dtype == pd.Series([], dtype=DTYPES[col.kind]).dtype, col.name


def test_one_row_per_event_flattened():
    df = eventx.to_frame([SALE, PARTNERS, LAYOFFS, SPLIT])
    assert list(df.columns) == rows.column_names()
    assert list(df["type"]) == ["asset_sale", "partnership", "layoffs", "stock_split"]
    sale = df.iloc[0]
    assert sale["company_name"] == "Meta Platforms" and sale["company_mention"] == "Meta"
    assert sale["amount_value"] == 2.04e9 and sale["amount_currency"] == "USD"
    assert sale["horizon_duration"] == "P12M"
    assert sale["horizon_deadline"] == pd.Timestamp("2026-12-31")
    assert sale["date"] == pd.Timestamp("2025-06-01")
    assert sale["evidence_start"] == 0 and sale["evidence_end"] == 14
    assert df.iloc[1]["partners_name"] == "Siemens; SAP"
    assert df.iloc[1]["partners_mention"] == "Siemens; SAP SE"
    assert df.iloc[2]["headcount"] == 1200 and df.iloc[2]["share_value"] == 12.5
    assert bool(df.iloc[3]["reverse"]) is True
    assert pd.isna(df.iloc[1]["amount_value"]) and pd.isna(df.iloc[0]["reverse"])


def test_same_columns_and_dtypes_whatever_the_input():
    a = eventx.to_frame([SALE])
    b = eventx.to_frame([LAYOFFS, SPLIT])
    assert list(a.columns) == list(b.columns)
    assert list(a.dtypes) == list(b.dtypes)


def test_lists_of_events_are_flattened():
    assert len(eventx.to_frame([[SALE, SPLIT], [], [LAYOFFS]])) == 3
    with pytest.raises(TypeError):
        eventx.to_frame(["not an event"])


def test_row_keeps_exact_values():
    r = rows.row(SALE)
    assert r["amount_value"] == Decimal("2040000000") and r["date"] == date(2025, 6, 1)


# -- extract_frame ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def news():
    recs = articles(30, seed=21, min_words=150, max_words=300)
    df = pd.DataFrame(recs)
    df.index = [f"row{i}" for i in range(len(df))]
    df.index.name = "article"
    return df


def test_extract_frame_rows_point_back_to_articles(news):
    out = eventx.extract_frame(news, text_col="text", lang_col="lang",
                               published_col="published", id_col="id")
    assert list(out.columns) == ["id", *rows.column_names()]
    assert out.index.name == "article"
    expected = []
    for label, rec in news.iterrows():
        evs = eventx.extract(rec["text"], rec["lang"], rec["published"])
        expected += [(label, rec["id"], e.type, e.evidence.start) for e in evs]
    got = list(zip(out.index, out["id"], out["type"], out["evidence_start"], strict=True))
    assert got == expected
    for label, ev in zip(out.index, out.itertuples(), strict=True):
        text = news.loc[label, "text"]
        assert text[ev.evidence_start:ev.evidence_end] == ev.evidence_text


def test_extract_frame_without_optional_columns(news):
    out = eventx.extract_frame(news[["text"]])
    assert list(out.columns) == rows.column_names()
    assert set(out.index) <= set(news.index)


def test_extract_frame_empty_and_missing_values():
    empty = eventx.extract_frame(pd.DataFrame({"text": []}))
    assert list(empty.columns) == rows.column_names() and len(empty) == 0
    df = pd.DataFrame({"body": ["Meta will Rechenzentren für 2 Milliarden Dollar verkaufen.", None],
                       "lang": [None, "de"], "day": [pd.NaT, pd.NaT]})
    out = eventx.extract_frame(df, text_col="body", lang_col="lang", published_col="day",
                               errors="skip")
    assert set(out.index) <= {0}
    with pytest.raises(TypeError):
        eventx.extract_frame(df, text_col="body")
    with pytest.raises(KeyError):
        eventx.extract_frame(df, text_col="text")
