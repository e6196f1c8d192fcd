"""Extractor.pipe / extract_many: streaming, order, processes, errors, memory zones."""

from __future__ import annotations

import itertools
import logging
import re
import threading
from datetime import date
from decimal import Decimal

import pytest
from generated import articles
from spacy.language import Language
from spacy.tokens import Doc

import eventx
from eventx import Article, Extractor, api, pipeline
from eventx.schema import Company, Evidence
from eventx.schema.events import Investment

# -- a pipeline with a predictable event component ---------------------------------------------
# One Investment per "<n> Millionen Euro" / "<n> million euros", with the amount as value and
# the publication date as date; a text containing "BOOM" makes the component fail.
_AMOUNT = re.compile(r"(\d+) (?:Millionen Euro|million euros)")


class _AmountEvents:
    def __call__(self, doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise RuntimeError("component failed on purpose")
        events = []
        for m in _AMOUNT.finditer(doc.text):
            events.append(Investment(
                company=Company(name="Probe", mention="Probe"),
                status="planned",
                date=doc._.published,
                evidence=Evidence(text=m.group(0), start=m.start(), end=m.end()),
                lang=doc.lang_,
                confidence=1.0,
                amount={"value": Decimal(m.group(1)) * 10**6, "currency": "EUR",
                        "text": m.group(0)},
            ))
        doc._.events = events
        return doc


@Language.factory("test_amount_events")
def _make_amount_events(nlp: Language, name: str) -> _AmountEvents:
    return _AmountEvents()


@pytest.fixture
def probe(monkeypatch):
    """Extractors in this process use pipelines whose events are predictable."""
    cache: dict[str, Language] = {}

    def load(lang, model=None):
        if lang not in cache:
            nlp = pipeline.build(lang)
            nlp.add_pipe("test_amount_events", last=True)
            cache[lang] = nlp
        return cache[lang]

    monkeypatch.setattr(api, "load", load)
    return cache


def _values(results):
    return [[int(e.amount.value) // 10**6 for e in events] for events in results]


def _texts(n):
    out = []
    for i in range(n):
        if i % 2:
            out.append(f"The company will invest {i} million euros in a new plant in Ohio.")
        else:
            out.append(f"Das Unternehmen will {i} Millionen Euro in ein neues Werk investieren.")
    return out


# -- order and streaming ------------------------------------------------------------------------
def test_order_kept_across_batches_and_languages(probe):
    texts = _texts(23)
    texts[5] = ""  # empty: []
    texts[9] = "Ceci est un texte en français sur une entreprise et ses 9 millions."  # []
    got = _values(Extractor().pipe(texts, batch_size=4))
    want = [[i] for i in range(23)]
    want[5] = want[9] = []
    assert got == want


def test_pipe_equals_extract_one_by_one(probe):
    texts = _texts(10)
    ex = Extractor()
    assert list(ex.pipe(texts, batch_size=3)) == [ex.extract(t) for t in texts]


def test_extract_many_reads_input_lazily(probe):
    endless = (f"Die Firma will {i} Millionen Euro investieren." for i in itertools.count())
    first = list(itertools.islice(eventx.extract_many(endless, lang="de", batch_size=2), 5))
    assert _values(first) == [[0], [1], [2], [3], [4]]


def test_articles_carry_lang_published_and_id(probe, caplog):
    items = [
        Article(text="Die Firma will 3 Millionen Euro investieren.", lang="de",
                published="2025-07-31", id="a"),
        Article(text="The firm will invest 4 million euros.", published=date(2024, 1, 2), id=7),
        Article(text="Die Firma will 5 Millionen Euro investieren.", lang="fr", id="bad"),
    ]
    with caplog.at_level(logging.ERROR, logger="eventx"):
        out = list(Extractor().pipe(items, errors="skip"))
    assert [[(e.lang, e.date) for e in evs] for evs in out] == [
        [("de", date(2025, 7, 31))], [("en", date(2024, 1, 2))], []]
    assert "item 2" in caplog.text and "'bad'" in caplog.text


def test_long_text_is_cut_and_offsets_index_it(probe):
    nlp = api.load("de")
    nlp.max_length = 200
    sentence = "Die Firma will {} Millionen Euro investieren. "
    text = "".join(sentence.format(i) for i in range(30))
    assert len(text) > 3 * nlp.max_length
    (events,) = list(Extractor("de").pipe([text]))
    assert [int(e.amount.value) // 10**6 for e in events] == list(range(30))
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in events)
    assert Extractor("de").extract(text) == events


def test_progress_bar_does_not_change_output(probe, capsys):
    texts = _texts(12)
    quiet = list(Extractor().pipe(texts, batch_size=5))
    shown = list(Extractor().pipe(texts, batch_size=5, progress=True))
    assert shown == quiet
    assert "eventx" in capsys.readouterr().err


# -- errors ---------------------------------------------------------------------------------------
def test_errors_raise_after_the_items_before(probe):
    items = [*_texts(3), 42, *_texts(2)]
    got = []
    with pytest.raises(TypeError, match="got int") as info:
        for events in Extractor().pipe(items, batch_size=2):
            got.append(events)
    assert _values(got) == [[0], [1], [2]]
    assert "item 3" in info.value.__notes__[0]


def test_errors_skip_logs_and_loses_nothing(probe, caplog):
    items = [
        *_texts(2),
        42,
        Article(text="Die Firma will 7 Millionen Euro investieren.", published="gestern", id="p"),
        Article.model_construct(text=None, lang=None, published=None, id="none"),
        "BOOM: Die Firma will 9 Millionen Euro investieren.",
        *_texts(3),
    ]
    skipped = []
    with caplog.at_level(logging.ERROR, logger="eventx"):
        got = list(Extractor().pipe(items, batch_size=4, errors="skip",
                                    on_skip=lambda i, ident, exc: skipped.append((i, ident))))
    assert _values(got) == [[0], [1], [], [], [], [], [0], [1], [2]]
    assert skipped == [(2, None), (3, "p"), (4, "none"), (5, None)]
    for needle in ("item 2", "item 3 (id='p')", "gestern", "item 4", "item 5",
                   "on purpose"):
        assert needle in caplog.text


@pytest.mark.parametrize(
    "kwargs",
    [{"errors": "ignore"}, {"n_process": 0}, {"n_process": -2}, {"batch_size": 0}],
    ids=["errors", "n_process-0", "n_process-neg", "batch_size"],
)
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        Extractor().pipe(["x"], **kwargs)


# -- several processes ----------------------------------------------------------------------------
def test_two_processes_same_as_one():
    items = [Article(**r) for r in articles(48, min_words=120, max_words=300)]
    items.insert(7, 3.14)  # type: ignore[arg-type]
    items.insert(20, Article(text="Ein Text.", lang="xx"))
    one = list(eventx.extract_many(items, batch_size=5, errors="skip"))
    two = list(eventx.extract_many(items, n_process=2, batch_size=5, errors="skip"))
    assert two == one
    assert len(two) == len(items) and two[7] == [] and two[20] == []


def test_two_processes_raise_at_the_bad_item():
    items = [*(r["text"] for r in articles(6)), None, *(r["text"] for r in articles(3))]
    got = []
    with pytest.raises(TypeError):
        for events in eventx.extract_many(items, n_process=2, batch_size=2):  # type: ignore[arg-type]
            got.append(events)
    assert len(got) == 6


# -- memory zones and threads -----------------------------------------------------------------
def test_memory_zones_keep_results_and_bound_the_vocabulary():
    docs = articles(60, seed=3, novel=12)
    texts = [d["text"] for d in docs if d["lang"] == "de"]
    free = Extractor("de", vocab_budget=None)
    zoned = Extractor("de", vocab_budget=0)
    nlp = api.load("de")
    before_zone = list(free.pipe(texts[:5]))
    size = len(nlp.vocab.strings)
    got = list(zoned.pipe(texts, batch_size=8))
    assert len(nlp.vocab.strings) == size  # every new word was forgotten
    assert got[:5] == before_zone
    # cached matchers and components still work once the zones are closed
    assert list(free.pipe(texts[:5])) == before_zone
    doc = free.doc(texts[0])
    assert doc.text == texts[0] and all(t.text for t in doc)


def test_budget_lets_the_vocabulary_grow_then_stops_it():
    texts = [d["text"] for d in articles(40, seed=4, novel=10) if d["lang"] == "en"]
    nlp = api.load("en")
    ex = Extractor("en", vocab_budget=1)
    list(ex.pipe(texts[:1]))
    grown = len(nlp.vocab.strings)
    list(ex.pipe(texts[1:], batch_size=4))
    assert len(nlp.vocab.strings) == grown


def test_threads_share_an_extractor():
    texts = [d["text"] for d in articles(24, seed=9, novel=5)]
    ex = Extractor(vocab_budget=0)
    want = [ex.extract(t) for t in texts]
    got: dict[int, list] = {}

    def work(k: int) -> None:
        for i in range(k, len(texts), 8):
            got[i] = ex.extract(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(texts))] == want


def test_pipeline_is_rebuilt_after_much_churn_in_memory_zones(monkeypatch):
    texts = [d["text"] for d in articles(30, seed=5, novel=15) if d["lang"] == "de"]
    ex = Extractor("de", vocab_budget=0)
    want = [Extractor("de", vocab_budget=None).extract(t) for t in texts]
    first = api.load("de")
    monkeypatch.setattr(api, "ZONE_CHURN_LIMIT", 50)
    got = list(ex.pipe(texts, batch_size=2))
    assert got == want
    assert api.load("de") is not first  # replaced by a new pipeline, results unchanged
    assert api.load("de") is api.load("de")
