"""eventx.explain and Extractor(explain=True): readings aligned with the events, offsets
into the caller's text, also when a long text is processed in pieces."""

import importlib.metadata

import pytest

import eventx
from eventx.api import _pieces
from eventx.explanations import Explanation, Reading, explanation_of

TEXT = ("Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen. Der Konzern will "
        "den Verkauf innerhalb der nächsten zwölf Monate abschließen.")


def test_explain_matches_extract():
    xs = eventx.explain(TEXT, lang="de")
    events = eventx.extract(TEXT, lang="de")
    assert events and [x.event for x in xs] == events
    for x in xs:
        assert isinstance(x, Explanation) and x.readings
        for r in x.readings:
            assert isinstance(r, Reading)
            assert TEXT[r.sentence.start : r.sentence.end] == r.sentence.text
            assert r.trigger and r.trigger in r.sentence.text
            assert r.trigger_pattern
            assert "company" in r.arguments


def test_explanation_says_why():
    (x,) = eventx.explain(TEXT, lang="de")
    first = x.readings[0]
    assert first.trigger == "verkaufen"
    assert first.status == "planned"
    assert "amount" in first.arguments and "1,2 Milliarden Euro" in first.arguments["amount"]


def test_explanation_as_text():
    (x,) = eventx.explain(TEXT, lang="de")
    text = str(x)
    assert text.splitlines()[0].startswith("asset_sale · Volkswagen · planned")
    assert "trigger" in text and "'verkaufen'" in text and "amount" in text


def test_explanation_as_html():
    (x,) = eventx.explain(TEXT, lang="de")
    html = x._repr_html_()
    assert '<mark class="trigger" title="trigger">verkaufen' in html
    assert '<mark class="money" title="amount">1,2 Milliarden Euro' in html
    assert "evidence</span>" in html


def test_offsets_index_a_long_text(monkeypatch):
    filler = "Das Wetter in Hamburg war am Montag wechselhaft und kühl. " * 12
    text = filler + TEXT + "\n\n" + filler + TEXT
    nlp = eventx.load("de")
    monkeypatch.setattr(nlp, "max_length", 400)
    assert list(_pieces(text, 399))[-1][0] > 0  # really cut into pieces
    events = eventx.extract(text, lang="de")
    xs = eventx.explain(text, lang="de")
    assert len(events) == 2 and [x.event for x in xs] == events
    for x in xs:
        ev = x.event.evidence
        assert text[ev.start : ev.end] == ev.text
        for r in x.readings:
            assert text[r.sentence.start : r.sentence.end] == r.sentence.text
    assert xs[1].readings[0].sentence.start > len(filler) * 2


def test_extractor_with_explain_flag():
    ex = eventx.Extractor("de", explain=True)
    events = ex.extract(TEXT)
    assert isinstance(events, eventx.EventList) and isinstance(events, list)
    assert list(events) == eventx.extract(TEXT, lang="de")
    assert events.explanations is not None and len(events.explanations) == len(events)
    assert "read from" in events._repr_html_()


def test_extractor_without_flag_returns_a_plain_list():
    events = eventx.Extractor("de").extract(TEXT)
    assert type(events) is list


def test_extractor_explain_method():
    xs = eventx.Extractor("de").explain(TEXT)
    assert [x.event.type for x in xs] == ["asset_sale"]


@pytest.mark.parametrize("text", ["", "   \n", "Das Wetter war schön."], ids=["empty", "space", "none"])
def test_explain_nothing(text):
    assert eventx.explain(text, lang="de") == []


def test_explain_bad_input():
    with pytest.raises(TypeError, match="bytes"):
        eventx.explain(b"text")  # type: ignore[arg-type]
    with pytest.raises(eventx.UnsupportedLanguageError):
        eventx.explain(TEXT, lang="fr")
    with pytest.raises(ValueError, match="not-a-date"):
        eventx.explain(TEXT, lang="de", published="not-a-date")


def test_explanation_of_shifts_offsets():
    (x,) = eventx.explain(TEXT, lang="de")
    record = {
        "frames": [
            {
                "sentence": {"text": "abc", "start": 0, "end": 3},
                "trigger": "abc",
                "trigger_pattern": "abc",
                "status": "planned",
                "status_cue": None,
                "arguments": {},
                "notes": [],
            }
        ]
    }
    moved = explanation_of(x.event, record, offset=10)
    assert (moved.readings[0].sentence.start, moved.readings[0].sentence.end) == (10, 13)


def test_explanation_round_trips_as_json():
    (x,) = eventx.explain(TEXT, lang="de")
    assert Explanation.model_validate_json(x.model_dump_json()) == x


def test_version_from_metadata():
    assert eventx.__version__ == importlib.metadata.version("eventx")
