"""Compiled language data for event extraction, built once per language.

Reads ``lang/<lang>/events/<type>.toml`` (one file per event type), ``status.toml`` and
``context.toml``; see ``lang/README.md`` for the file format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from ..lang import data, names
from ..schema import EVENT_TYPES
from .patterns import PatternSet


@dataclass
class TypeRules:
    """What one event type takes from a sentence, for one language."""

    type: str
    requires: list[tuple[str, ...]] = field(default_factory=list)
    keywords: dict[str, PatternSet] = field(default_factory=dict)  # field -> value-keyed cues
    lexicon: dict[str, PatternSet] = field(default_factory=dict)  # field -> words as values
    regex: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)  # field -> (?P<x>)
    money: dict[str, PatternSet] = field(default_factory=dict)  # money field -> cue words
    counts: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)  # int fields
    completed: PatternSet | None = None
    not_contexts: PatternSet | None = None  # a sentence with one of these yields no frame
    distinct: frozenset[str] = frozenset()  # fields that tell two events of a type apart
    per_share: bool = False  # money fields take per-share amounts (dividends)
    inherit: tuple[str, ...] = ()  # keyword/regex fields that may come from earlier sentences
    per_share_fallback: bool = False  # ... or, when the sentence has no other amount (EPS)
    any_amount: bool = False  # per-share amounts and totals alike (forecasts of EPS or sales)
    default_status: str = "announced"  # status when no cue says otherwise
    ignore_statuses: frozenset[str] = frozenset()  # status cues that do not apply to the type
    company_roles: tuple[str, ...] = ("agent",)  # which role is the event's company, in order
    first_named: bool = False  # parties are symmetric: the first named is the company (mergers)
    future_status: str = "planned"  # what a plain future ("will", "wird ... verkaufen") says
    not_percent_before: frozenset[str] = frozenset()  # "10% of its turnover" is no change
    not_companies: PatternSet | None = None  # company spans that never take a role here
    negative: PatternSet | None = None  # cues that make a percent change negative
    defaults: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lexicon:
    """Everything the event component needs for one language."""

    lang: str
    triggers: PatternSet
    not_triggers: PatternSet
    rules: dict[str, TypeRules]
    status_order: list[str]
    status_cues: PatternSet
    negation: PatternSet
    negation_exceptions: PatternSet
    negation_window: int
    future_auxiliaries: dict[str, str]  # auxiliary -> the status it gives ("würde" -> considered)
    future_words: frozenset[str]  # planned cues that only mark a future ("will"): see future_status
    infinitive_endings: tuple[str, ...]
    participles: frozenset[str]
    clause_openers: PatternSet  # words that open a clause whose cues do not reach the trigger
    skip_sentence: PatternSet
    example_markers: frozenset[str]
    topic_words: PatternSet
    price_cues: PatternSet  # "Der Kaufpreis belaufe sich auf ...": a later sentence's price
    price_types: frozenset[str]  # the types such a price belongs to
    speech_verbs: PatternSet


def _pairs(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(key, src) for key, sources in table.items() for src in sources]


def _type_rules(lang: str, name: str, raw: dict[str, Any]) -> TypeRules:
    sets = partial(PatternSet, group=lang)  # a language's sets share their word look-ups
    rules = TypeRules(type=name)
    rules.requires = [tuple(alt.split("|")) for alt in raw.get("requires", [])]
    for fld, table in raw.get("keywords", {}).items():
        rules.keywords[fld] = sets(_pairs(table))
    for fld, words in raw.get("lexicon", {}).items():
        rules.lexicon[fld] = sets((fld, w) for w in words)
    for fld, rxs in raw.get("regex", {}).items():
        rules.regex[fld] = [re.compile(r) for r in rxs]
    for fld, cues in raw.get("money", {}).items():
        rules.money[fld] = sets((fld, c) for c in cues)
    for fld, rxs in raw.get("counts", {}).items():
        rules.counts[fld] = [re.compile(r, re.I) for r in rxs]
    if raw.get("completed"):
        rules.completed = sets(("completed", c) for c in raw["completed"])
    if raw.get("not_contexts"):
        rules.not_contexts = sets(("not", c) for c in raw["not_contexts"])
    rules.distinct = frozenset(raw.get("distinct", []))
    rules.per_share = bool(raw.get("per_share", False))
    rules.per_share_fallback = bool(raw.get("per_share_fallback", False))
    rules.any_amount = bool(raw.get("any_amount", False))
    rules.inherit = tuple(raw.get("inherit", []))
    rules.default_status = str(raw.get("default_status", "announced"))
    rules.ignore_statuses = frozenset(raw.get("ignore_statuses", []))
    rules.company_roles = tuple(raw.get("company_roles", ["agent"]))
    rules.first_named = bool(raw.get("first_named", False))
    rules.future_status = str(raw.get("future_status", "planned"))
    rules.not_percent_before = frozenset(raw.get("not_percent_before", []))
    if raw.get("not_companies"):
        rules.not_companies = sets(("not", c) for c in raw["not_companies"])
    if raw.get("negative"):
        rules.negative = sets(("negative", c) for c in raw["negative"])
    rules.defaults = dict(raw.get("defaults", {}))
    return rules


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (built on first use)."""
    sets = partial(PatternSet, group=lang)
    triggers: list[tuple[str, str]] = []
    not_triggers: list[tuple[str, str]] = []
    rules: dict[str, TypeRules] = {}
    for name in names(lang, "events"):
        if name not in EVENT_TYPES:
            raise ValueError(f"lang/{lang}/events/{name}.toml: unknown event type {name!r}")
        raw = data(lang, f"events/{name}")
        triggers += [(name, t) for t in raw.get("triggers", [])]
        not_triggers += [(name, t) for t in raw.get("not_triggers", [])]
        rules[name] = _type_rules(lang, name, raw)
    status = data(lang, "status")
    context = data(lang, "context")
    return Lexicon(
        lang=lang,
        triggers=sets(triggers),
        not_triggers=sets(not_triggers),
        rules=rules,
        status_order=list(status["order"]),
        status_cues=sets(_pairs(status["cues"])),
        negation=sets(("negation", c) for c in status.get("negation", [])),
        negation_exceptions=sets(
            ("exception", c) for c in status.get("negation_exceptions", [])
        ),
        negation_window=int(status.get("negation_window", 5)),
        future_auxiliaries=dict(status.get("future_auxiliaries", {})),
        future_words=frozenset(status.get("future_words", [])),
        clause_openers=sets(("opener", c) for c in status.get("clause_openers", [])),
        infinitive_endings=tuple(status.get("infinitive_endings", [])),
        participles=frozenset(status.get("participles", [])),
        skip_sentence=sets(("skip", c) for c in context.get("skip_sentence", [])),
        example_markers=frozenset(context.get("example_markers", [])),
        topic_words=sets(("topic", c) for c in context.get("topic_words", [])),
        price_cues=sets(("price", c) for c in context.get("prices", {}).get("cues", [])),
        price_types=frozenset(context.get("prices", {}).get("types", [])),
        speech_verbs=sets(("speech", c) for c in context.get("speech_verbs", [])),
    )
