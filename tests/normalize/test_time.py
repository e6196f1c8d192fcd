"""parse_horizon and parse_event_date (tables in normalize_cases.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from normalize_cases import DATE_CASES, HORIZON_CASES, PUB

import eventx
from eventx import UnsupportedLanguageError
from eventx.normalize import parse_event_date, parse_horizon
from eventx.normalize.time import iter_dates, iter_horizons
from eventx.schema import Horizon


@pytest.mark.parametrize(
    ("lang", "text", "published", "duration", "deadline"),
    [c[1:] for c in HORIZON_CASES],
    ids=[c[0] for c in HORIZON_CASES],
)
def test_parse_horizon(
    lang: str, text: str, published: date | None, duration: str | None, deadline: object
) -> None:
    got = parse_horizon(text, lang, published)
    if duration is None and deadline is None:
        assert got is None
        return
    assert got is not None, f"no horizon in {text!r}"
    assert got.duration == duration
    # "unresolved": a relative horizon without a publication date keeps only its text
    assert got.deadline == (None if deadline == "unresolved" else deadline)
    assert got.text == text


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [c[1:] for c in DATE_CASES],
    ids=[c[0] for c in DATE_CASES],
)
def test_parse_event_date(
    lang: str, text: str, published: date | None, expected: date | None
) -> None:
    assert parse_event_date(text, lang, published) == expected


def test_tables_are_large_and_balanced() -> None:
    rows = [c[1] for c in HORIZON_CASES] + [c[1] for c in DATE_CASES]
    assert len(rows) >= 80
    assert abs(rows.count("de") - rows.count("en")) <= 0.2 * len(rows)
    ids = [c[0] for c in HORIZON_CASES] + ["d:" + c[0] for c in DATE_CASES]
    assert len(set(ids)) == len(ids)


def test_exported_from_package() -> None:
    assert eventx.parse_horizon is parse_horizon


@pytest.mark.parametrize(
    "published",
    [PUB, datetime(2025, 7, 31, 9, 30), "2025-07-31", "2025-07-31T09:30:00Z"],
    ids=["date", "datetime", "iso-date", "iso-datetime"],
)
def test_published_forms(published: object) -> None:
    got = parse_horizon("bis Jahresende", "de", published)  # type: ignore[arg-type]
    assert got == Horizon(text="bis Jahresende", deadline=date(2025, 12, 31))
    assert parse_event_date("im Juni", "de", published) == date(2025, 6, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    ["31.07.2025", "yesterday", 20250731, object()],
    ids=["german-date", "word", "int", "object"],
)
def test_invalid_published_raises_value_error(published: object) -> None:
    with pytest.raises(ValueError, match="published"):
        parse_horizon("bis Jahresende", "de", published)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="published"):
        parse_event_date("im Juni", "de", published)  # type: ignore[arg-type]


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        parse_horizon("bis Ende 2026", "it")


def test_twelve_months_is_never_a_past_date() -> None:
    # dateparser's search_dates reads "zwölf Monate" as the date twelve months ago
    for published in (None, PUB):
        assert parse_event_date("innerhalb der nächsten zwölf Monate", "de", published) is None
        assert parse_event_date("zwölf Monate", "de", published) is None
        assert parse_horizon("zwölf Monate", "de", published).duration == "P12M"  # type: ignore[union-attr]


def test_relative_expressions_never_use_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # without a publication date nothing relative resolves, whatever today is
    for text, lang in [
        ("bis Jahresende", "de"),
        ("by the end of the third quarter", "en"),
        ("im kommenden Jahr", "de"),
        ("next year", "en"),
    ]:
        got = parse_horizon(text, lang)
        assert got is not None and got.deadline is None and got.duration is None
    for text, lang in [
        ("im Juni", "de"),
        ("on Tuesday", "en"),
        ("gestern", "de"),
        ("on the 29th of July", "en"),
    ]:
        assert parse_event_date(text, lang) is None


def test_iter_horizons_and_dates_in_running_text() -> None:
    text = (
        "Der Verkauf wurde im Juni beschlossen und soll innerhalb der nächsten zwölf "
        "Monate, spätestens bis Ende März 2026, abgeschlossen sein."
    )
    horizons = [(text[s:e], h.duration, h.deadline) for s, e, h in iter_horizons(text, "de", PUB)]
    assert horizons == [
        ("innerhalb der nächsten zwölf Monate", "P12M", date(2026, 7, 31)),
        ("spätestens bis Ende März 2026", None, date(2026, 3, 31)),
    ]
    dates = [(text[s:e], d) for s, e, d in iter_dates(text, "de", PUB)]
    assert dates[0] == ("im Juni", date(2025, 6, 1))


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError, match="NoneType"):
        parse_horizon(None, "de")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="list"):
        parse_event_date(["im Juni"], "de")  # type: ignore[arg-type]
