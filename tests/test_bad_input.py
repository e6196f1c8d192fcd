"""SPEC section 5, one test per row."""

import logging
from datetime import date, datetime

import pytest

import eventx
from eventx.api import coerce_published

GERMAN = "Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen."


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["text"], 3.5])
def test_not_a_str_raises_type_error_naming_the_type(value):
    with pytest.raises(TypeError, match=type(value).__name__):
        eventx.extract(value)


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u00a0\n"])
def test_empty_or_whitespace_gives_nothing(text):
    assert eventx.extract(text) == []
    assert eventx.extract(text, lang="de") == []


@pytest.mark.parametrize("lang", ["fr", "DE", "german", ""])
def test_unsupported_lang_raises(lang):
    with pytest.raises(eventx.UnsupportedLanguageError) as info:
        eventx.extract(GERMAN, lang=lang)
    assert isinstance(info.value, ValueError)
    assert repr(lang) in str(info.value)


def test_unsupported_lang_in_extractor_and_load():
    with pytest.raises(eventx.UnsupportedLanguageError):
        eventx.Extractor(lang="it")
    with pytest.raises(eventx.UnsupportedLanguageError):
        eventx.load("es")


def test_detected_other_language_gives_nothing_and_warns(caplog):
    french = ("Le groupe automobile a annoncé mardi la vente de sa filiale de recharge pour "
              "1,2 milliard d'euros à un fonds d'infrastructure.")
    with caplog.at_level(logging.WARNING, logger="eventx"):
        assert eventx.extract(french) == []
    assert any("not supported" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "text,lang",
    [
        pytest.param("12,5 % 3.000 – 7", None, id="no-letters"),
        pytest.param("€ 1,2 x y", None, id="two-letters"),
        pytest.param("Der Konzern verkauft seine Sparte für 1,2 Milliarden Euro.", "de", id="de"),
        pytest.param("The group sells its unit for $1.2bn.", "en", id="en"),
    ],
)
def test_language_needs_three_letters(text, lang):
    from eventx.langid import detect

    assert detect(text) == lang


def test_long_text_is_processed_in_pieces_with_original_offsets():
    nlp = eventx.load("de")
    filler = "Die Konjunktur bleibt schwach und die Stimmung ist gedämpft. " * 40
    text = filler + GERMAN + " " + filler
    old = nlp.max_length
    nlp.max_length = 1000
    try:
        events = eventx.extract(text, lang="de")
    finally:
        nlp.max_length = old
    assert [e.type for e in events] == ["asset_sale"]
    ev = events[0].evidence
    assert text[ev.start : ev.end] == ev.text == GERMAN


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<p>Volkswagen will seine Ladesparte für 1,2&nbsp;Milliarden Euro verkaufen.</p>", id="html"),
        pytest.param("Volkswagen will seine Lade\u00adsparte für 1,2\u00a0Milliarden Euro verkaufen.", id="shy-nbsp"),
        pytest.param("\x00Volkswagen will seine Ladesparte\x07 für 1,2 Milliarden Euro verkaufen.\x1b", id="control"),
        pytest.param("Volkswagen will seine Ladesparte für 1\u2009200 Millionen Euro verkaufen.", id="thin-space"),
        pytest.param("Volkswagen will seine Ladesparte\r\nfür 1,2 Milliarden Euro verkaufen.\r\n", id="crlf"),
    ],
)
def test_odd_characters_keep_offsets(text):
    events = eventx.extract(text, lang="de")
    assert events, "the sale is still found"
    for ev in events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


@pytest.mark.parametrize("value", ["31.07.2025", "yesterday", "2025-13-01", 20250731, object()])
def test_invalid_published_raises_value_error_naming_it(value):
    with pytest.raises(ValueError, match="published"):
        eventx.extract(GERMAN, published=value)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2025-07-31", date(2025, 7, 31)),
        ("2025-07-31T09:30:00Z", date(2025, 7, 31)),
        (datetime(2025, 7, 31, 9, 30), date(2025, 7, 31)),
        (date(2025, 7, 31), date(2025, 7, 31)),
        (None, None),
    ],
)
def test_published_accepted_forms(value, expected):
    assert coerce_published(value) == expected


def test_one_bad_item_in_extract_many_raises_by_default():
    items = [GERMAN, 17, GERMAN]
    out = eventx.extract_many(items, lang="de")
    assert len(next(out)) == 1
    with pytest.raises(TypeError):
        next(out)


def test_one_bad_item_skipped_loses_nothing_else(caplog):
    items = [GERMAN, 17, eventx.Article(text=GERMAN, published="nonsense", id="b"), GERMAN]
    with caplog.at_level(logging.ERROR, logger="eventx"):
        results = list(eventx.extract_many(items, lang="de", errors="skip"))
    assert [len(r) for r in results] == [1, 0, 0, 1]
    assert len([r for r in caplog.records if "skipped" in r.getMessage()]) == 2
