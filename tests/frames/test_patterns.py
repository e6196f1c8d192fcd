import pytest

import eventx
from eventx.frames.patterns import Pattern, PatternSet


@pytest.mark.parametrize(
    "pattern,text,hit",
    [
        pytest.param("verkauf*", "Meta verkauft Rechenzentren", "verkauft", id="prefix"),
        pytest.param("*verkauf", "Der Rechenzentrumsverkauf ist geplant", "Rechenzentrumsverkauf", id="compound"),
        pytest.param("*verkauf", "Der Rechenzentrums\u00adverkauf ist geplant", "Rechenzentrums\u00adverkauf", id="soft-hyphen"),
        pytest.param("stößt|stieß ... ab", "Siemens stößt seine Sparte ab", "stößt seine Sparte ab", id="separable"),
        pytest.param("dispose|disposed of", "It disposed of the unit", "disposed of", id="two-words"),
        pytest.param("sell|sold", "The group SOLD the unit", "SOLD", id="case"),
    ],
)
def test_pattern_hits(pattern, text, hit):
    doc = eventx.load("de").make_doc(text)
    hits = PatternSet([("k", pattern)]).find(doc[:])
    assert [h.span(doc).text for h in hits] == [hit]


@pytest.mark.parametrize(
    "pattern,text",
    [
        pytest.param("verkauf*", "Der Vorverkauf beginnt", id="not-infix"),
        pytest.param("stößt ... ab", "Siemens stößt auf Widerstand. Die Aktie fällt ab", id="gap-stops-at-end"),
        pytest.param("dispose of", "dispose the unit of", id="adjacent-only"),
    ],
)
def test_pattern_misses(pattern, text):
    doc = eventx.load("de").make_doc(text)
    first = next(iter(eventx.load("de")(text).sents))
    hits = PatternSet([("k", pattern)]).find(first if "gap" in pattern or "..." in pattern else doc[:])
    assert hits == []


def test_empty_pattern_rejected():
    with pytest.raises(ValueError):
        Pattern.compile("   ", "k")
