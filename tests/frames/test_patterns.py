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


@pytest.mark.parametrize(
    "pattern,anchor",
    [
        pytest.param("as|to the|its chief|ceo", 2, id="role-after-articles"),
        pytest.param("for a total of", 2, id="longest-word"),
        pytest.param("an die *börse", 2, id="compound-glob"),
        pytest.param("auf * prozent|% erhöht", 3, id="wildcard-never"),
        pytest.param("für ... gegangen", 1, id="past-a-gap"),
        pytest.param("hat|ist ... an die ... *börse", 3, id="past-two-gaps"),
        pytest.param("die|der aktie ... stieg", 1, id="before-the-gap"),
        pytest.param("shares of ... rose", 0, id="stop-word-counts-a-quarter"),
        pytest.param("verkauf*", 0, id="one-step"),
    ],
)
def test_anchor_is_the_most_specific_step(pattern, anchor):
    assert Pattern.compile(pattern, "k").anchor == anchor


_SETS = [
    ("role", "as|to the|its chief|ceo"),
    ("role", "chief|ceo"),
    ("total", "for a total of"),
    ("total", "a total"),
    ("sep", "stößt|stieß ... ab"),
    ("ipo", "an die *börse"),
    ("shares", "die|the aktie|shares ... stieg|rose"),
    ("article", "a|the|die"),  # starts inside the matches above, after their first token
    ("fired", "hat|ist ... abberufen"),  # looked up by the step after the gap
    ("unit", "the|die ... unit|sparte ... ab"),  # gaps before and after the anchor
]
_TEXTS = [
    "Anna Becker was named to the chief post and later to its CEO role for a total of two years.",
    "Siemens stößt seine Sparte ab und geht an die Frankfurter Börse, an die Wertpapierbörse.",
    "The shares rose, the shares of the unit rose and die Aktie stieg, die Aktie die Aktie stieg.",
    "as the CEO, to the ceo to the chief for a total of for a total of",
    "Der Rat hat ihn hat abberufen, ist abberufen und die Sparte stößt die Sparte die Sparte ab.",
    "The unit ab, the board the unit the unit hat abberufen ab",
    # a gap of MAX_GAP tokens, then one of MAX_GAP + 1
    "Er hat a b c d e f g h i j k l abberufen; ist a b c d e f g h i j k l m abberufen",
]


def _reference(patterns, doc, start, end):
    """Hits by the definition: from every token, each pattern in order, step by step."""
    from eventx.frames.patterns import MAX_GAP, norm

    words = [norm(t) for t in doc]
    out = []
    for i in range(start, end):
        for p in patterns:
            if not p.steps[0][0].fullmatch(words[i]):
                continue
            toks, pos = [i], i
            for rx, gap in p.steps[1:]:
                nxt = next((k for k in range(pos + 1, min(end, pos + 2 + (MAX_GAP if gap else 0)))
                            if rx.fullmatch(words[k])), None)
                if nxt is None:
                    break
                toks.append(nxt)
                pos = nxt
            else:
                out.append((p.key, tuple(toks), p.source))
    return out


@pytest.mark.parametrize("text", _TEXTS)
def test_pipeline_lookup_agrees_with_a_plain_scan(text):
    """Inside the event component hits come from per-Doc candidates, outside from a scan of
    the span, both looked up by each pattern's anchor step; both give the hits the
    definition gives (from the first step on), in the same order, also in spans that cut a
    match."""
    from eventx.frames.patterns import forget_lowers, remember

    ps = PatternSet(_SETS)
    doc = eventx.load("en").make_doc(text)
    spans = [doc[:], *(doc[a:b] for a in range(0, len(doc), 3) for b in (a + 4, len(doc)))]
    plain = [[(h.key, h.tokens, h.source) for h in ps.find(s)] for s in spans]
    remember(doc)
    try:
        kept = [[(h.key, h.tokens, h.source) for h in ps.find(s)] for s in spans]
        parts = [[(h.key, h.tokens, h.source) for h in ps.find_in(doc[:], s.start, s.end)]
                 for s in spans]
    finally:
        forget_lowers(doc)
    assert kept == plain
    assert parts == plain
    assert plain == [_reference(ps.patterns, doc, s.start, s.end) for s in spans]
    assert any(plain)  # the texts do hold matches


def test_word_caches_stay_bounded(monkeypatch):
    """A service reads new words for weeks: what the pattern sets remember of words is
    bounded, and matching is the same after the caches start again."""
    from eventx.frames import patterns
    from eventx.frames.patterns import forget_lowers, remember

    monkeypatch.setattr(patterns._AnchorSteps, "CACHE_LIMIT", 20)
    monkeypatch.setattr(patterns._StepWords, "LIMIT", 10)
    monkeypatch.setattr(patterns, "_STEP_WORDS", patterns._StepWords())
    ps = PatternSet(_SETS)
    nlp = eventx.load("en")
    for n in range(30):
        words = " ".join(f"word{n}x{k}" for k in range(5))
        doc = nlp.make_doc(f"{words} to the chief {words} stößt {words} ab for a total of {words}")
        remember(doc)
        try:
            hits = [h.source for h in ps.find(doc[:])]
        finally:
            forget_lowers(doc)
        assert hits == ["as|to the|its chief|ceo", "a|the|die", "chief|ceo", "stößt|stieß ... ab",
                        "for a total of", "a total", "a|the|die"]
        assert len(ps._index.entries) <= 20
        assert patterns._STEP_WORDS.size <= 10
