"""Turn a cluster of frames into a validated pydantic event (or nothing)."""

from __future__ import annotations

import logging
import re
from typing import Any

from pydantic import ValidationError
from spacy.tokens import Span, Token

from ..doc_data import value_of
from ..normalize.period import normalize_period
from ..schema import EVENT_TYPES, BaseEvent, Company, Evidence
from .arguments import Frame, field_kinds, is_empty
from .lexicon import TypeRules
from .merge import combine
from .patterns import memo, sentence_text, span_text

log = logging.getLogger("eventx")


# Tokens that are no part of a sentence's wording at its edges: markup ("<p>", "</p>",
# "<br/>"), invisible or space entities ("&nbsp;") and control or zero-width characters.
_EDGE = re.compile(
    r"(?:</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?/?>"
    r"|&(?:nbsp|#160|#[xX][aA]0|shy|#173|zwj|zwnj|ensp|emsp|thinsp|#8203);"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff])+"
)


def _edge(token: Token) -> bool:
    return token.is_space or _EDGE.fullmatch(token.text) is not None


def evidence(sent: Span) -> Evidence:
    """The sentence as Evidence, without surrounding white space, markup or control
    characters ("<p>...</p>" gives the words between the tags); offsets into doc.text.
    Made once per sentence while the event component runs (an event and its explanation
    both ask)."""
    cache = memo(sent.doc)
    if cache is None:
        return _evidence(sent)
    key = ("evidence", sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _evidence(sent)
    return found


def _evidence(sent: Span) -> Evidence:
    a, b = sent.start, sent.end
    while a < b and _edge(sent.doc[a]):
        a += 1
    while b > a and _edge(sent.doc[b - 1]):
        b -= 1
    text = sentence_text(sent)
    if a == b:  # nothing but markup: the sentence without white space
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        start = sent.start_char + lead
        return Evidence(text=body, start=start, end=start + len(body))
    first, last = sent.doc[a], sent.doc[b - 1]
    lo = first.idx - sent.start_char
    hi = last.idx + len(last.text) - sent.start_char
    return Evidence(text=text[lo:hi], start=sent.start_char + lo, end=sent.start_char + hi)


def _company(span: Any) -> Company | None:
    value = value_of(span) if isinstance(span, Span) else None
    return value if isinstance(value, Company) else None


def _company_of(ordered: list[Frame]) -> Company:
    # a named mention describes the company better than "der Konzern"; among named ones,
    # the one of the most trusted frame
    named = [f.company for f in ordered if f.company is not None and f.company.label_ != "ANAPHOR"]
    span = named[0] if named else ordered[0].company
    return value_of(span)


def _meets(rules: TypeRules, fields: dict[str, Any]) -> bool:
    return all(any(not is_empty(fields.get(f)) for f in alt) for alt in rules.requires)


def to_event(cluster: list[Frame], rules: TypeRules, lang: str) -> BaseEvent | None:
    """The event of one cluster, or None when the type's required fields are missing."""
    ordered, fields, status, date = combine(cluster)
    best = ordered[0]
    if not _meets(rules, fields):
        return None
    kinds = field_kinds(best.type)
    company = _company_of(ordered)
    values: dict[str, Any] = {}
    for fld, value in fields.items():
        kind = kinds.get(fld)
        if kind == "company":
            c = _company(value)
            if c is not None and c.name != company.name:
                values[fld] = c
        elif kind == "companies":
            seen = {company.name}
            out = []
            for span in value:
                c = _company(span)
                if c is not None and c.name not in seen:
                    seen.add(c.name)
                    out.append(c)
            if out:
                values[fld] = out
        elif fld == "period" and isinstance(value, str):
            # reported figures look back, forecasts ahead
            values[fld] = normalize_period(
                value, sentence_text(best.sent), best.sent.doc._.published,
                past=rules.type != "guidance",
            )
        else:
            values[fld] = value
    filled = sum(1 for v in values.values() if not is_empty(v))
    stated = any(f.factuality.cue for f in cluster)
    fallback = all("company from context" in f.notes for f in cluster)
    confidence = 0.45 + 0.1 * min(filled, 4) + (0.1 if stated else 0.0) - (0.15 if fallback else 0.0)
    try:
        return EVENT_TYPES[best.type](
            company=company,
            status=status,
            date=date,
            evidence=evidence(best.sent),
            lang=lang,
            confidence=round(max(0.05, min(confidence, 0.99)), 2),
            **values,
        )
    except ValidationError as exc:
        # a required field (target, partner, person) was not found: no event
        log.debug("eventx: dropped %s frame: %s", best.type, exc.errors()[0]["msg"])
        return None


def explain(cluster: list[Frame], event: BaseEvent) -> dict[str, Any]:
    """Why ``event`` was produced: its triggers, status cues and argument reasons, per frame
    (sentence) it was read from. Plain data (JSON-compatible)."""
    frames = []
    for f in sorted(cluster, key=lambda fr: fr.sent_index):
        doc = f.sent.doc
        frames.append(
            {
                "sentence": evidence(f.sent).model_dump(),
                "trigger": span_text(f.trigger.span(doc)),
                "trigger_pattern": f.trigger.source,
                "status": f.factuality.status,
                "status_cue": f.factuality.cue,
                "arguments": dict(f.reasons),
                "notes": list(f.notes),
            }
        )
    return {"type": event.type, "company": event.company.name, "status": event.status,
            "frames": frames}
