"""eventx_amounts: money, percent, horizon and date spans with values, offsets into the text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import spacy
from spacy.tokens import Doc

import eventx
import eventx.components  # noqa: F401  (registers the factories)
from eventx.normalize import parse_event_date, parse_horizon, parse_money, parse_percent
from eventx.schema import Horizon, Money, Percent

KEYS = ("money", "percent", "horizons", "dates")

DE = (
    "Alphabet will Rechenzentren für 1,35 Mrd. Euro abgeben. Wie das Unternehmen am Dienstag "
    "mitteilte, sollen die Anlagen für rund 1,35 Milliarden Euro verkauft werden; die "
    "Transaktion soll bis Ende März 2026 abgeschlossen sein. Im Juni wurden sie umgebucht. "
    "Die Dividende steigt auf 1,10 Euro je Aktie, das Ergebnis je Aktie von 2,31 Euro lag "
    "12,5 Prozent über dem Vorjahr. In den kommenden drei Jahren will der Konzern zwischen "
    "5 und 7 Mrd. Euro investieren, die Marge soll um 2 Prozentpunkte steigen."
)

EN = (
    "Meta said on Tuesday it plans to sell $2.04bn of data center assets within the next 12 "
    "months. The board raised the quarterly dividend to 25 cents a share and expects EPS of "
    "$1.10. Revenue rose 12.5% to $47.5 billion in June; the company will spend hundreds of "
    "billions of dollars by the end of 2027 and cut about 3,000 jobs by year-end."
)


def _doc(lang: str, text: str, published: date | None) -> Doc:
    nlp = eventx.load(lang)
    doc = nlp.make_doc(text)
    doc._.published = published
    return dict(nlp.pipeline)["eventx_amounts"](doc)


def _texts(doc: Doc, key: str) -> list[str]:
    return [s.text for s in doc.spans[key]]


@pytest.fixture(scope="module")
def de_doc() -> Doc:
    return _doc("de", DE, date(2025, 10, 30))


@pytest.fixture(scope="module")
def en_doc() -> Doc:
    return _doc("en", EN, date(2025, 7, 31))


def test_german_spans(de_doc: Doc) -> None:
    assert _texts(de_doc, "money") == [
        "1,35 Mrd. Euro",
        "rund 1,35 Milliarden Euro",
        "1,10 Euro je Aktie",
        "2,31 Euro",
        "zwischen 5 und 7 Mrd. Euro",
    ]
    assert [s.label_ for s in de_doc.spans["money"]] == [
        "MONEY",
        "MONEY",
        "MONEY_PER_SHARE",
        "MONEY_PER_SHARE",
        "MONEY",
    ]
    assert _texts(de_doc, "percent") == ["12,5 Prozent"]  # not the "2 Prozentpunkte"
    assert _texts(de_doc, "horizons") == ["bis Ende März 2026", "In den kommenden drei Jahren"]
    assert _texts(de_doc, "dates") == ["am Dienstag", "Im Juni"]


def test_german_values(de_doc: Doc) -> None:
    money = [s._.value for s in de_doc.spans["money"]]
    assert all(isinstance(m, Money) for m in money)
    assert money[1].value == Decimal("1350000000") and money[1].approximate
    assert (money[4].low, money[4].high) == (Decimal("5000000000"), Decimal("7000000000"))
    horizons = [s._.value for s in de_doc.spans["horizons"]]
    assert horizons[0].deadline == date(2026, 3, 31)
    assert horizons[1].duration == "P3Y"
    assert [s._.value for s in de_doc.spans["dates"]] == [date(2025, 10, 28), date(2025, 6, 1)]
    assert de_doc.spans["percent"][0]._.value == Percent(value=Decimal("12.5"), text="12,5 Prozent")


def test_english_spans_and_values(en_doc: Doc) -> None:
    assert _texts(en_doc, "money") == [
        "$2.04bn",
        "25 cents a share",
        "$1.10",
        "$47.5 billion",
        "hundreds of billions of dollars",
    ]
    assert [s.label_ for s in en_doc.spans["money"]] == [
        "MONEY",
        "MONEY_PER_SHARE",
        "MONEY_PER_SHARE",
        "MONEY",
        "MONEY",
    ]
    assert en_doc.spans["money"][1]._.value.value == Decimal("0.25")
    assert _texts(en_doc, "percent") == ["12.5%"]
    assert _texts(en_doc, "horizons") == [
        "within the next 12 months",
        "by the end of 2027",
        "by year-end",
    ]
    assert [s._.value.deadline for s in en_doc.spans["horizons"]] == [
        date(2026, 7, 31),
        date(2027, 12, 31),
        date(2025, 12, 31),
    ]
    assert _texts(en_doc, "dates") == ["on Tuesday", "in June"]
    assert [s._.value for s in en_doc.spans["dates"]] == [date(2025, 7, 29), date(2025, 6, 1)]


@pytest.mark.parametrize("which", ["de", "en"])
def test_values_agree_with_the_normalisers(which: str, de_doc: Doc, en_doc: Doc) -> None:
    doc, lang = (de_doc, "de") if which == "de" else (en_doc, "en")
    pub = doc._.published
    for span in doc.spans["money"]:
        assert span._.value == parse_money(span.text, lang)
    for span in doc.spans["percent"]:
        assert span._.value == parse_percent(span.text, lang)
    for span in doc.spans["horizons"]:
        assert span._.value == parse_horizon(span.text, lang, pub)
    for span in doc.spans["dates"]:
        assert span._.value == parse_event_date(span.text, lang, pub)


@pytest.mark.parametrize("which", ["de", "en"])
def test_offsets_index_the_text_and_spans_do_not_overlap(
    which: str, de_doc: Doc, en_doc: Doc
) -> None:
    doc, text = (de_doc, DE) if which == "de" else (en_doc, EN)
    for key in KEYS:
        spans = list(doc.spans[key])
        for span in spans:
            assert text[span.start_char : span.end_char] == span.text
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,2 Mrd. Euro-5 Euro", [("1,2 Mrd. Euro-5", "MONEY", "1,2 Mrd. Euro")]),
        ("5 Euro+1,2 Mrd. Euro", [("Euro+1,2 Mrd. Euro", "MONEY", "1,2 Mrd. Euro")]),
        ("5 Euro12%3 Prozent", [("Euro12%3 Prozent", "PERCENT", "3 Prozent")]),
    ],
)
def test_expressions_widened_onto_one_token_keep_the_longer(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """Run-together text: two expressions of a group that widen onto a shared token leave
    the longer span, with its own value."""
    doc = _doc("de", text, None)
    found = [
        (s.text, s.label_, s._.value.text) for key in ("money", "percent") for s in doc.spans[key]
    ]
    assert found == expected


def test_horizon_is_not_also_a_date(de_doc: Doc) -> None:
    horizon = de_doc.spans["horizons"][0]
    assert all(d.end <= horizon.start or d.start >= horizon.end for d in de_doc.spans["dates"])


def test_unresolved_date_keeps_its_span() -> None:
    doc = _doc("de", "Der Konzern teilte am Dienstag mit, bis Jahresende zu verkaufen.", None)
    assert _texts(doc, "dates") == ["am Dienstag"]
    assert doc.spans["dates"][0]._.value is None
    assert doc.spans["horizons"][0]._.value == Horizon(text="bis Jahresende")


@pytest.mark.parametrize(
    "space", ["\u2009", "\u00a0", "\u202f", " "], ids=["thin", "nbsp", "narrow-nbsp", "space"]
)
def test_grouping_spaces_in_the_doc(space: str) -> None:
    text = f"Die Gebühr beträgt 2{space}000 Euro."
    doc = _doc("de", text, None)
    (span,) = doc.spans["money"]
    assert (span.start_char, span.end_char) == (text.index("2"), text.index("Euro") + 4)
    assert span._.value.value == 2000


def test_soft_hyphen_offsets_map_back() -> None:
    text = "Der Preis liegt bei 2,04 Mil\u00adliarden Dollar, hieß es."
    doc = _doc("de", text, None)
    (span,) = doc.spans["money"]
    assert span.text == "2,04 Mil\u00adliarden Dollar"
    assert span._.value.value == Decimal("2040000000")


def test_empty_and_plain_docs() -> None:
    for text in ("", "   ", "Keine Zahlen hier, nur Wörter."):
        doc = _doc("de", text, None)
        assert all(len(doc.spans[k]) == 0 for k in KEYS)


def test_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("eventx_amounts")
    doc = nlp("The unit was sold for €1.2 billion, up to 5% more than planned, within 18 months.")
    assert _texts(doc, "money") == ["€1.2 billion"]
    assert _texts(doc, "percent") == ["5%"]
    assert doc.spans["horizons"][0]._.value.duration == "P18M"


def test_language_can_be_configured() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("eventx_amounts", config={"lang": "de"})
    doc = nlp("Der Kaufpreis beträgt 2 Mrd. Euro.")
    assert doc.spans["money"][0]._.value.value == Decimal("2000000000")


def test_unsupported_language_fails_when_building() -> None:
    nlp = spacy.blank("fr")
    with pytest.raises(ValueError, match="unsupported language"):
        nlp.add_pipe("eventx_amounts")


def test_no_dateparser_on_the_document_path(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser called on the hot path")

    monkeypatch.setattr(dateparser, "parse", boom)
    doc = _doc("de", DE, date(2025, 10, 30))
    assert len(doc.spans["dates"]) == 2


def test_long_document() -> None:
    text = (DE + "\n") * 200
    doc = _doc("de", text, date(2025, 10, 30))
    assert len(doc.spans["money"]) == 5 * 200
    last = doc.spans["money"][-1]
    assert text[last.start_char : last.end_char] == "zwischen 5 und 7 Mrd. Euro"
