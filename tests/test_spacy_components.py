"""SPEC section 1: the pipeline as spaCy components, cached, with spans and values."""

import pytest
import spacy

import eventx
from eventx import pipeline
from eventx.schema import Company, Horizon, Money

TEXT = ("Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen. Der Konzern will "
        "den Verkauf innerhalb der nächsten zwölf Monate abschließen.")


def test_pipeline_is_built_once(monkeypatch):
    eventx.extract(TEXT, lang="de")
    calls = []
    monkeypatch.setattr(pipeline, "build", lambda *a, **k: calls.append(a))
    eventx.extract(TEXT, lang="de")
    eventx.Extractor(lang="de").extract(TEXT)
    assert calls == []


def test_doc_carries_events_and_spans():
    nlp = eventx.load("de")
    doc = nlp(TEXT)
    assert [e.type for e in doc._.events] == ["asset_sale"]
    companies = doc.spans["companies"]
    # named mentions, anaphora and possessives, all resolved to the company
    assert [s.text for s in companies] == ["Volkswagen", "seine", "Der Konzern"]
    assert [s.label_ for s in companies] == ["ORG", "ANAPHOR", "ANAPHOR"]
    assert all(isinstance(s._.value, Company) and s._.value.name == "Volkswagen" for s in companies)
    money = doc.spans["money"]
    assert [s.text for s in money] == ["1,2 Milliarden Euro"]
    assert isinstance(money[0]._.value, Money)
    horizons = doc.spans["horizons"]
    assert isinstance(horizons[0]._.value, Horizon) and horizons[0]._.value.duration == "P12M"
    for key in ("companies", "money", "horizons"):
        for span in doc.spans[key]:
            assert TEXT[span.start_char : span.end_char] == span.text


def test_spans_over_the_same_characters_keep_their_own_values():
    # spaCy keys a span extension by character offsets alone; a company and an amount over
    # the same token ("Nordwerft.$0.25" in run-together text) must not share a value
    text = ("Rheinmetall steht kurz vor der Übernahme der Werft Nordwerft.$0.25 per share. "
            "Der Konzern könnte mehr als eine Milliarde Euro zahlen.")
    doc = eventx.load("de")(text)
    money = {(s.start_char, s.end_char): s for s in doc.spans["money"]}
    shared = [s for s in doc.spans["companies"] if (s.start_char, s.end_char) in money]
    assert shared, "the run-together token is both a company and an amount"
    for span in shared:
        assert isinstance(span._.value, Company)
        assert isinstance(money[span.start_char, span.end_char]._.value, Money)
    assert all(isinstance(e.amount, (Money, type(None))) for e in doc._.events)


def test_components_in_a_users_own_pipeline():
    import eventx.components  # noqa: F401  registers the factories

    nlp = spacy.blank("en")
    for name in pipeline.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Volkswagen plans to sell its charging unit for €1.2 billion.")
    assert [e.type for e in doc._.events] == ["asset_sale"]
    assert doc._.events[0].company.name == "Volkswagen"


def test_factories_are_registered_with_eventx_prefix():
    import eventx.components  # noqa: F401

    from spacy.language import Language

    for name in pipeline.COMPONENTS:
        assert name.startswith("eventx_")
        assert Language.has_factory(name)


def test_import_builds_nothing():
    import subprocess
    import sys

    # eventx.pipeline (and spaCy) are imported on first use; import it here to look inside
    code = ("import sys, eventx, eventx.pipeline; "
            "print('spacy.lang.de' in sys.modules, bool(eventx.pipeline._CACHE))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_components_pickle(lang):
    """spaCy sends pipelines to worker processes by pickling them where processes are
    spawned (macOS, Windows): every component pickles, and works after it."""
    import pickle

    nlp = eventx.load(lang)
    text = {"de": "Siemens will seine Sparte für 2,5 Milliarden Euro verkaufen.",
            "en": "Siemens plans to sell its unit for $2.5bn."}[lang]
    doc = pipeline.make_doc(nlp, text)
    for name, proc in nlp.pipeline:
        doc = pickle.loads(pickle.dumps(proc))(doc)
    assert [e.type for e in doc._.events] == ["asset_sale"]
