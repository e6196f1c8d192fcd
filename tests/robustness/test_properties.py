"""Property-based tests over ``extract``, ``parse_money`` and ``parse_horizon``.

For any text: no exception other than the documented ones, every evidence indexes the
input, every span of ``doc.spans`` indexes it, results are deterministic, and the JSON of
every event validates against ``eventx.json_schema()``. Example counts are moderate for CI;
``EVENTX_HYPOTHESIS_SCALE=20`` runs twenty times as many.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

import pytest
from robust_checks import check_doc, check_events, dumped
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_strategies import (
    any_input,
    control_text,
    examples,
    html_soup,
    long_token,
    mixed_scripts,
    noise,
    odd_numbers,
    punctuation_runs,
    seeded_articles,
    text_like,
    unicode_text,
)

import eventx


@pytest.fixture(autouse=True)
def _quiet(caplog):
    """Noise is mostly no language eventx supports; its warnings are expected here."""
    caplog.set_level(logging.ERROR, logger="eventx")


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
langs = st.sampled_from(["de", "en", None])
published = st.sampled_from([None, date(2025, 7, 31), "2024-02-29", datetime(2026, 1, 1, 12)])


@settings(max_examples=examples(80), deadline=None, suppress_health_check=SLOW)
@given(text=noise, lang=langs, pub=published)
def test_extract_on_noise(text, lang, pub):
    events = eventx.extract(text, lang=lang, published=pub)
    check_events(text, events)
    assert dumped(eventx.extract(text, lang=lang, published=pub)) == dumped(events)


@settings(max_examples=examples(50), deadline=None, suppress_health_check=SLOW)
@given(text=text_like(), lang=langs, pub=published)
def test_extract_on_text_like_input(text, lang, pub):
    events = eventx.extract(text, lang=lang, published=pub)
    check_events(text, events)
    assert dumped(eventx.extract(text, lang=lang, published=pub)) == dumped(events)


@pytest.mark.parametrize(
    "strategy",
    [unicode_text, control_text, long_token, punctuation_runs, mixed_scripts, html_soup,
     odd_numbers()],
    ids=["unicode", "control", "long-token", "punctuation", "scripts", "html", "numbers"],
)
def test_extract_on_each_kind_of_noise(strategy):
    """Each kind of noise on its own, so that none is crowded out by the others."""

    @settings(max_examples=examples(20), deadline=None, suppress_health_check=SLOW)
    @given(text=strategy, lang=st.sampled_from(["de", "en"]))
    def run(text, lang):
        check_events(text, eventx.extract(text, lang=lang))

    run()


@settings(max_examples=examples(40), deadline=None, suppress_health_check=SLOW)
@given(text=any_input, lang=st.sampled_from(["de", "en"]))
def test_doc_spans_index_the_text(nlps, text, lang):
    doc = nlps[lang](text)
    check_doc(text, doc)


def test_text_like_input_reaches_the_events():
    """The composed sentences are not all thrown away: most of them yield events, so the
    properties above exercise companies, values, status and merging."""
    articles = seeded_articles(seed=8, count=40)
    found = 0
    for text in articles:
        events = eventx.extract(text)
        check_events(text, events)
        found += bool(events)
    assert found >= 25, f"only {found} of {len(articles)} composed articles gave events"


@settings(max_examples=examples(200), deadline=None, suppress_health_check=SLOW)
@given(text=st.one_of(noise, odd_numbers(), text_like()), lang=st.sampled_from(["de", "en"]))
def test_parse_money_returns_money_or_none(text, lang):
    money = eventx.parse_money(text, lang=lang)
    assert money is None or isinstance(money, eventx.Money)
    if money is not None:
        assert money.text, "the amount as written"
        if money.low is not None and money.high is not None:
            assert money.low <= money.high
    again = eventx.parse_money(text, lang=lang)
    assert (again and again.model_dump()) == (money and money.model_dump())


@settings(max_examples=examples(200), deadline=None, suppress_health_check=SLOW)
@given(text=st.one_of(noise, text_like()), lang=st.sampled_from(["de", "en"]), pub=published)
def test_parse_horizon_returns_horizon_or_none(text, lang, pub):
    horizon = eventx.parse_horizon(text, lang=lang, published=pub)
    assert horizon is None or isinstance(horizon, eventx.Horizon)
    again = eventx.parse_horizon(text, lang=lang, published=pub)
    assert (again and again.model_dump()) == (horizon and horizon.model_dump())


@settings(max_examples=examples(40), deadline=None)
@given(value=st.one_of(st.integers(), st.binary(), st.none(), st.lists(st.text()), st.floats()))
def test_documented_errors_only(value):
    """Not a str: TypeError naming the type; a bad language: UnsupportedLanguageError."""
    with pytest.raises(TypeError, match=type(value).__name__):
        eventx.extract(value)
    with pytest.raises(eventx.UnsupportedLanguageError):
        eventx.extract("Siemens verkauft.", lang="xx")


@settings(max_examples=examples(40), deadline=None)
@given(pub=st.text(max_size=30).filter(lambda s: s.strip()[:4].isdigit() is False))
def test_invalid_published_names_the_value(pub):
    with pytest.raises(ValueError, match="published"):
        eventx.extract("Siemens verkauft seine Sparte.", lang="de", published=pub)
