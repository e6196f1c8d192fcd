"""Attach arguments to a trigger: company by role, values by proximity, words by lexicon.

A ``Frame`` is what one trigger in one sentence yields before merging: the event type, the
company span (or None when the sentence does not name one), and the fields found.
Which fields an event type has comes from its pydantic model; how a field is filled comes
from the type's language data (keywords, lexicon, regex, money cues, counts).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from ..companies.roles import assign_roles, is_possessive
from ..doc_data import value_of
from ..normalize.numbers import parse_count
from ..schema import EVENT_TYPES, Company, Horizon, Money, Percent
from .lexicon import Lexicon, TypeRules
from .patterns import Hit, clause_marks, memo, sentence_text, span_text
from .status import Factuality

_COMMON = {"type", "company", "status", "date", "evidence", "lang", "confidence"}


def is_empty(value: Any) -> bool:
    """Whether a field value counts as not found: None, ``[]`` or ``""`` (what
    ``value in (None, [], "")`` says, without comparing pydantic values to a list)."""
    return value is None or (isinstance(value, (list, str)) and not value)


@dataclass
class Frame:
    """One trigger's reading of one sentence."""

    type: str
    sent: Span
    sent_index: int
    trigger: Hit
    company: Span | None
    factuality: Factuality
    fields: dict[str, Any] = field(default_factory=dict)
    date: dt.date | None = None
    notes: list[str] = field(default_factory=list)
    # for lexicon fields: position of the matching word in the data list (lower = more specific)
    ranks: dict[str, int] = field(default_factory=dict)
    # why each field (and the company) was attached, for explanations
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def company_value(self) -> Company | None:
        return value_of(self.company) if self.company is not None else None

    @property
    def filled(self) -> int:
        """How much of the frame was found; an amount counts double."""
        kinds = field_kinds(self.type)
        return sum(
            2 if kinds.get(k) == "money" else 1
            for k, v in self.fields.items()
            if not is_empty(v)
        )


@lru_cache(maxsize=None)
def field_kinds(event_type: str) -> dict[str, str]:
    """Own fields of an event type mapped to a kind: money, percent, horizon, company,
    companies, int, bool, str."""
    model = EVENT_TYPES[event_type]
    kinds: dict[str, str] = {}
    for name, info in model.model_fields.items():
        if name in _COMMON:
            continue
        ann = info.annotation
        args = set(typing.get_args(ann)) | {ann}
        flat = {typing.get_origin(a) or a for a in args}
        if list in flat:  # list[Company]: get_args also yields Company, so check lists first
            kinds[name] = "companies"
        elif Money in args:
            kinds[name] = "money"
        elif Percent in args:
            kinds[name] = "percent"
        elif Horizon in args:
            kinds[name] = "horizon"
        elif Company in args:
            kinds[name] = "company"
        elif bool in args:
            kinds[name] = "bool"
        elif any(a is int or typing.get_origin(a) is typing.Annotated for a in args):
            kinds[name] = "int"
        else:
            kinds[name] = "str"
    return kinds


def _within(spans: list[Span], sent: Span) -> list[Span]:
    return [s for s in spans if s.start >= sent.start and s.end <= sent.end]


def spans_in(doc: Doc, key: str, sent: Span) -> list[Span]:
    """The spans of ``doc.spans[key]`` inside ``sent``. While the event component runs, the
    group is sorted once per Doc and each sentence's share is found by bisection (and kept),
    instead of going through every span of the Doc once per trigger."""
    cache = memo(doc)
    if cache is None:
        return _within(list(doc.spans.get(key, [])), sent)
    found = cache.get(("spans", key, sent.start, sent.end))
    if found is None:
        index = cache.get(("spans", key))
        if index is None:
            spans = sorted(doc.spans.get(key, []), key=lambda s: (s.start, s.end))
            index = cache[("spans", key)] = ([s.start for s in spans], spans)
        starts, spans = index
        found = []
        for i in range(bisect_left(starts, sent.start), bisect_left(starts, sent.end)):
            if spans[i].end <= sent.end:
                found.append(spans[i])
        cache[("spans", key, sent.start, sent.end)] = found
    return found


def _matches(doc: Doc, rx: re.Pattern[str], sent: Span, text: str, every: bool) -> list[re.Match[str]]:
    """Matches of ``rx`` in the sentence text (all of them, or the first only), kept per
    sentence while the event component runs: every trigger of a sentence asks again."""
    cache = memo(doc)
    key = ("regex", rx, every, sent.start, sent.end)
    if cache is not None and key in cache:
        return cache[key]
    if every:
        found = list(rx.finditer(text))
    else:
        m = rx.search(text)
        found = [m] if m is not None else []
    if cache is not None:
        cache[key] = found
    return found


# A clause boundary between a value and the trigger counts as this many tokens of distance:
# "Der Umsatz stieg auf X, das Ergebnis sank auf Y" gives Y to "Ergebnis".
CLAUSE_COST = 8


def _distance(span: Span | Hit, trigger: Hit, marks: list[int] | None = None) -> tuple[int, int]:
    # nearest first; on a tie the one after the trigger (objects follow the verb)
    if span.end <= trigger.start:
        lo, hi, after = span.end, trigger.start, 1
    elif span.start >= trigger.end:
        lo, hi, after = trigger.end, span.start, 0
    else:
        return (0, 0)
    gap = hi - lo
    if marks:
        gap += CLAUSE_COST * (bisect_left(marks, hi) - bisect_left(marks, lo))
    return (gap, after)


def nearest(items: list[Any], trigger: Hit, marks: list[int] | None = None) -> Any | None:
    """The item (span or hit) nearest to ``trigger``; crossing a clause mark costs extra."""
    return min(items, key=lambda s: _distance(s, trigger, marks)) if items else None


def candidate_companies(
    lex: Lexicon, doc: Doc, sent: Span, spans: list[Span] | None = None
) -> list[Span]:
    """Company spans of the sentence that can take a role (not "Tech-Giganten wie Meta").
    ``spans``: the company spans already known to lie in the sentence."""
    out = []
    if spans is None:
        spans = spans_in(doc, "companies", sent)
    for span in spans:
        before = doc[span.start - 1].lower_ if span.start > sent.start else ""
        if before in lex.example_markers:
            continue
        out.append(span)
    return out


def _money_fields(
    rules: TypeRules,
    kinds: dict[str, str],
    sent: Span,
    trigger: Hit,
    doc: Doc,
    marks: list[int] | None = None,
) -> dict[str, Money]:
    money_fields = [f for f, k in kinds.items() if k == "money"]
    if not money_fields:
        return {}
    all_spans = spans_in(doc, "money", sent)
    spans = all_spans if rules.any_amount else [
        s for s in all_spans if (s.label_ == "MONEY_PER_SHARE") == rules.per_share
    ]
    if not spans and rules.per_share_fallback:
        # a per-share figure where the type has no per-share field ("EPS of $1.25 a share")
        spans = all_spans
    out: dict[str, Money] = {}
    used: set[int] = set()
    # fields with cue words take the amount nearest to their cue ("bewertet mit ...")
    for fld, cues in rules.money.items():
        for cue in cues.find(sent):
            free = [s for s in spans if s.start not in used]
            best = nearest(free, cue, marks)
            if best is not None and _distance(best, cue, marks)[0] <= 4:
                out[fld] = value_of(best)
                used.add(best.start)
                break
    free = [s for s in spans if s.start not in used]
    if "low" in money_fields and "high" in money_fields and free:
        best = nearest(free, trigger, marks)
        m: Money = value_of(best)
        if m.low is not None and m.high is not None:
            out["low"] = Money(value=m.low, currency=m.currency, text=m.text)
            out["high"] = Money(value=m.high, currency=m.currency, text=m.text)
        else:
            out["low"] = out["high"] = m
        return out
    for fld in money_fields:
        if fld in out or fld in rules.money:
            continue
        best = nearest([s for s in spans if s.start not in used], trigger, marks)
        if best is None:
            break
        out[fld] = value_of(best)
        used.add(best.start)
    return out


def attach(
    lex: Lexicon,
    rules: TypeRules,
    doc: Doc,
    sent: Span,
    sent_index: int,
    trigger: Hit,
    factuality: Factuality,
    sent_companies: list[Span] | None = None,
) -> Frame:
    """Build the frame of ``trigger``: company by role, values by proximity and data."""
    kinds = field_kinds(rules.type)
    companies = candidate_companies(lex, doc, sent, sent_companies)
    every_company = companies  # lenders ("led by Barclays") take no role, but are partners
    if rules.not_companies is not None:
        # e.g. a rating agency is never the rated company
        blocked = {t for h in rules.not_companies.find(sent) for t in h.tokens}
        companies = [c for c in companies if not blocked.intersection(range(c.start, c.end))]
    # values across a clause opener ("... from 9.5p after operating profit fell to £112m")
    # are as far as across a comma
    marks = clause_marks(sent)
    openers = [h.start for h in lex.clause_openers.find(sent)]
    if openers:
        marks = sorted(set(marks).union(openers))
    # a separable verb ("streicht VW 35.000 Stellen") may enclose its subject: the role rules
    # see only the consecutive start of the trigger
    consecutive = 1
    while consecutive < len(trigger.tokens) and trigger.tokens[consecutive] == trigger.start + consecutive:
        consecutive += 1
    tspan = doc[trigger.start : trigger.start + consecutive]
    roles = assign_roles(sent, tspan, companies, lex.lang)
    company, role = None, None
    for role in rules.company_roles:
        company = getattr(roles, role)
        if company is not None:
            break
    frame = Frame(rules.type, sent, sent_index, trigger, company, factuality)
    if company is not None:
        frame.reasons["company"] = f"role rules: {span_text(company)!r} is the {role}"
    f = frame.fields
    for fld, money in _money_fields(rules, kinds, sent, trigger, doc, marks).items():
        f[fld] = money
        frame.reasons[fld] = f"amount {money.text!r} nearest to the trigger or its cue"
    for fld, kind in kinds.items():
        if kind == "percent":
            percents = spans_in(doc, "percent", sent)
            if rules.not_percent_before:
                percents = [p for p in percents if p.end >= len(doc)
                            or doc[p.end].lower_ not in rules.not_percent_before]
            best = nearest(percents, trigger, marks)
            if best is not None:
                value: Percent = value_of(best)
                if rules.negative is not None and _negative(rules, sent, best, marks):
                    value = value.model_copy(update={"value": -abs(value.value)})
                f[fld] = value
                frame.reasons[fld] = f"percentage {span_text(best)!r} nearest to the trigger"
        elif kind == "horizon":
            best = nearest(spans_in(doc, "horizons", sent), trigger, marks)
            if best is not None:
                f[fld] = value_of(best)
                frame.reasons[fld] = f"horizon {span_text(best)!r} nearest to the trigger"
        elif kind == "company":
            other = roles.counterpart if fld == "buyer" else (roles.patient or roles.counterpart)
            if other is company and role != "agent":
                other = roles.agent
            if other is not None and other is not company:
                f[fld] = other
                frame.reasons[fld] = f"role rules: {span_text(other)!r} is the other party"
        elif kind == "companies":
            own = value_of(company).name if company is not None else None
            f[fld] = [
                c for c in every_company
                if value_of(c).name != own and not is_possessive(c, lex.lang)
            ]
            if f[fld]:
                frame.reasons[fld] = "other companies of the sentence"
    if rules.first_named:
        _first_named_first(frame, kinds)
    for fld, cues in rules.keywords.items():
        best = nearest(cues.find(sent), trigger, marks)
        if best is not None:
            f[fld] = best.key
            frame.reasons[fld] = f"cue {span_text(best.span(doc))!r} (pattern {best.source!r})"
    for fld, words in rules.lexicon.items():
        hits = words.find(sent)
        if hits:
            # the most specific word (earliest in the data list), nearest to the trigger
            order = {p.source: i for i, p in enumerate(words.patterns)}
            best = min(hits, key=lambda h: (order[h.source], _distance(h, trigger, marks)))
            f[fld] = span_text(doc[best.start : best.end])
            frame.ranks[fld] = order[best.source]
            frame.reasons[fld] = f"word {f[fld]!r} (pattern {best.source!r})"
    anchor = doc[trigger.start].idx - sent.start_char
    stext = sentence_text(sent)
    for fld, rxs in rules.regex.items():
        # the match nearest to the trigger; on a tie the earlier pattern
        found = [
            (abs(m.start() - anchor), i, m)
            for i, rx in enumerate(rxs)
            for m in _matches(doc, rx, sent, stext, every=True)
        ]
        if found:
            m = min(found, key=lambda x: (x[0], x[1]))[2]
            f[fld] = m.group("x").strip(" ,;:„“\"'")
            frame.reasons[fld] = f"expression {m.group(0)!r}"
    for fld, rxs in rules.counts.items():
        for rx in rxs:
            m = next(iter(_matches(doc, rx, sent, stext, every=False)), None)
            if m and (n := parse_count(m.group("x"), lex.lang)) is not None:
                f[fld] = n
                frame.reasons[fld] = f"count in {m.group(0)!r}"
                break
    for fld, value in rules.defaults.items():
        if fld in kinds and fld not in f:
            f[fld] = value
            frame.reasons[fld] = "default of the event type"
    dates = [s for s in spans_in(doc, "dates", sent) if value_of(s)]
    best = nearest(dates, trigger, marks)
    frame.date = value_of(best) if best is not None else None
    if best is not None:
        frame.reasons["date"] = f"date {span_text(best)!r} nearest to the trigger"
    return frame


def _first_named_first(frame: Frame, kinds: dict[str, str]) -> None:
    """For symmetric parties ("the merger of A and B"), make the first named the company and
    the other the partner, whichever role the rules gave them. Anaphora stay the company."""
    company = frame.company
    if company is None or company.label_ != "ORG":
        return
    for fld, kind in kinds.items():
        other = frame.fields.get(fld)
        if kind == "company" and isinstance(other, Span) and other.label_ == "ORG" \
                and other.start < company.start:
            frame.company, frame.fields[fld] = other, company
            frame.reasons["company"] = f"first named of the parties: {span_text(other)!r}"
            frame.reasons[fld] = f"the other party: {span_text(company)!r}"
            return


def _negative(rules: TypeRules, sent: Span, percent: Span, marks: list[int]) -> bool:
    """Whether a fall cue ("sank", "fell", "Rückgang") stands in the clause of a percentage."""
    lo = max([m for m in marks if m < percent.start], default=sent.start - 1) + 1
    hi = min([m for m in marks if m >= percent.end], default=sent.end)
    assert rules.negative is not None
    return bool(rules.negative.find_in(sent, lo, hi))


def money_close(a: Money, b: Money, tolerance: Decimal = Decimal("0.06")) -> bool:
    """Two amounts that can be the same one said twice (rounded vs precise)."""
    if a.currency != b.currency:
        return False
    lo = min(a.value, b.value)
    hi = max(a.value, b.value)
    if hi == 0:
        return True
    if a.approximate or b.approximate:
        for m, other in ((a, b), (b, a)):
            if m.low is not None and m.high is not None and m.low <= other.value <= m.high:
                return True
    return (hi - lo) / hi <= tolerance
