"""Inputs that once took seconds to minutes: each must simply run (and keep its offsets).

Found by ``benchmarks/fuzz.py`` and by hand; the time they take is measured there, not here.
Each is a short unit repeated to 10,000 characters (the fuzzer's long inputs), so a return of
the quadratic behaviour shows as a test that takes seconds instead of milliseconds.

What made each slow (all fixed):

- runs of closing punctuation, "<", "&", "<br": spaCy's tokenizer searched the whole string
  for a suffix once per suffix it split off (``components/tokens.py``: suffix search at the
  end of the string);
- long runs of colons ("a:a:a:", "x:@x:@"): spaCy's URL pattern backtracks quadratically
  (``components/tokens.py``: no URL match on long strings);
- blank runs of line breaks: the sentence boundary pattern re-scanned the run from every
  line break (``components/sentences.py``);
- repeated trigger words without sentence ends: one sentence of thousands of tokens whose
  every trigger re-read the sentence (patterns, regex fields, spans), and clusters of
  thousands of frames compared pairwise (``components/sentences.py``: sentences of at most
  200 tokens; ``frames/``: per-sentence memo, cluster summaries);
- digits grouped by spaces ("2 000,522 000,..."): every group could start a number that ran
  to the end of the run (``normalize/numbers.py``: at most six groups), and so could every
  word of a run of number words ("ten ten ten ...": at most eight words);
- one name repeated ("Bank Bank ..."): every occurrence sorted all candidates of the name
  and re-read the Doc's words (``components/companies.py``).
- a long run of white space after "in" in a sentence about an investment (or after "auf den"
  in one about a write-down): the field pattern tried every way of sharing the run among its
  white space parts (``lang/de/events/*.toml``: white space taken possessively). These are
  short texts with one run, below.
"""

from __future__ import annotations

import pytest
from robust_checks import check_events

import eventx

LONG = 10_000

# (id, unit repeated to 10,000 characters, language)
CASES = [
    ("closing-parens", ")", "de"),
    ("less-than", "<", "de"),
    ("ampersands", "&", "en"),
    ("br-openers", "<br", "de"),
    ("entity-openers", "&nbsp", "en"),
    ("line-breaks", "\n", "de"),
    ("crlf", "\r\n", "en"),
    ("blank-lines-with-spaces", "\n \t\u00a0", "de"),
    ("colons", "a:", "en"),
    ("syllabics-colons", "ᐃ:", "de"),
    ("userinfo-colons", "x:@", "en"),
    ("digits", "1", "de"),
    ("digits-dots", "1.", "de"),
    ("dollar-spaces", "$ ", "en"),
    ("triggers-de", "April zum Chief Fina", "de"),
    ("ratings-de", "von A3 auf Baa1", "de"),
    ("ratings-de-2", "swagen von A3 a A ", "en"),
    ("rating-agency-en", "S&P Global Ratings upgraded Vanterra Mining A A- from BBB+, citing lOWER DEBT to", "en"),
    ("appointment-dashes", "ormer central banker Helen Strand as chair with immediate effect.————", "en"),
    ("outlook-for-for", "t outlook for for for for for for for for for for the second time this yea", "en"),
    ("buyback-to", "e buyback to", "de"),
    ("loss-digits", "uaet loss of $6201,51,51,51,51,51,51,5", "en"),
    ("buyers-iten", "ding out buyers for iten.e b", "en"),
    ("moodys-herab", "Moody's stufte Volkswagen‚ von A3 auf Baa1 herab.", "en"),
    ("from-bb", "from BB+, and ", "de"),
    ("stock-split", " stock split, its f", "en"),
    ("reverse-split", "one-for-20 reverse stock split to regain compliance w$0.25 per share price rule, the biotech said.", "en"),
    ("name-words", "Aa ", "de"),
    ("name-words-en", "Aa ", "en"),
    ("sale-sentences", "Siemens verkauft seine Sparte für 1,2 Mrd. Euro ", "de"),
    ("sale-sentences-en", "Apple sells its unit for $2bn and ", "en"),
    ("appoint-long-word", "Siemens ernennt Anna Berg zur Chefin ", "de"),
    ("amp-entities", "&amp;", "en"),
    ("hyphen-chain", "A-", "de"),
    ("thin-space-groups", "2\u202f000,522\u202f000,52", "de"),
    ("plain-space-groups", "1 000 ", "en"),
    ("repeated-bank", "Bank ", "de"),
    ("number-words", "ten ", "en"),
    ("number-words-hyphens", "twenty-one ", "en"),
]


@pytest.mark.parametrize(("unit", "lang"), [(u, lang) for _, u, lang in CASES],
                         ids=[c[0] for c in CASES])
def test_runs_and_keeps_offsets(unit, lang):
    text = (unit * (LONG // len(unit) + 1))[:LONG]
    events = eventx.extract(text, lang=lang)
    check_events(text, events)


@pytest.mark.parametrize(("unit", "lang"), [(u, lang) for _, u, lang in CASES[:14]],
                         ids=[c[0] for c in CASES[:14]])
def test_normalisers_run(unit, lang):
    text = (unit * (LONG // len(unit) + 1))[:LONG]
    eventx.parse_money(text, lang=lang)
    eventx.parse_horizon(text, lang=lang)


# (id, text with one long run of white space, language)
RUNS = [
    ("investment-in-spaces",
     "Nestlé will in den kommenden drei Jahren in die Kaffeeproduktion investieren, davon in"
     + " " * 400 + "Frankreich", "de"),
    ("impairment-auf-den-spaces",
     "Der Versorger schreibt 1,2 Mrd. Euro ab, vor allem auf den" + " " * 2000 + "Bestand",
     "de"),
]


@pytest.mark.parametrize(("text", "lang"), [(t, lang) for _, t, lang in RUNS],
                         ids=[r[0] for r in RUNS])
def test_white_space_runs(text, lang):
    check_events(text, eventx.extract(text, lang=lang))
