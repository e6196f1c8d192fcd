"""Factuality: is an event planned, announced, completed, considered, rumored, denied or
cancelled? Decided from cue words in the trigger's sentence (``lang/<lang>/status.toml``).

Cues are checked in the order the data file gives (denied before cancelled before rumored
...): the first status with a cue in the sentence wins. A negation close to the trigger
makes the event denied (or cancelled, when a cancel cue is present), so negated and
conditional sentences never become completed facts. Type-specific past forms
("hat ... verkauft", "sold") make it completed; without any cue it takes the type's
``default_status`` (announced, unless the data says otherwise: reported results are
completed).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .lexicon import Lexicon, TypeRules
from .patterns import Hit


@dataclass(frozen=True)
class Factuality:
    """The status and the cue that decided it (None when it is the default)."""

    status: str
    cue: str | None


def _negated(lex: Lexicon, sent: Span, trigger: Hit) -> str | None:
    w = lex.negation_window
    lo, hi = max(sent.start, trigger.start - w), min(sent.end, trigger.end + w)
    window = sent.doc[lo:hi]
    neg = lex.negation.find(window)
    if not neg:
        return None
    excused = {t for h in lex.negation_exceptions.find(window) for t in h.tokens}
    for h in neg:
        if not excused.intersection(h.tokens):
            return h.source
    return None


def _future(lex: Lexicon, sent: Span, trigger: Hit) -> str | None:
    """A future auxiliary with the trigger verb in the infinitive ("wird ... verkaufen")."""
    if not lex.future_auxiliaries:
        return None
    verb = sent.doc[trigger.end - 1]
    if not verb.text[:1].islower() or not verb.lower_.endswith(lex.infinitive_endings):
        return None
    for tok in sent:
        if tok.lower_ in lex.future_auxiliaries:
            return f"{tok.lower_} + {verb.lower_}"
    return None


# Reports about the whole sentence ("laut Insidern", "dementierte") hold for every event in
# it; the other statuses belong to the clause of their verb.
_SENTENCE_SCOPE = frozenset({"denied", "cancelled", "rumored"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "(", ")"})


def _clauses(sent: Span, trigger: Hit) -> tuple[int, int, int]:
    """Start of the clause before the trigger's clause, and the trigger clause's bounds."""
    doc = sent.doc
    marks = [t.i for t in sent if t.text in _CLAUSE_MARKS]
    before = [m for m in marks if m < trigger.start]
    after = [m for m in marks if m >= trigger.end]
    start = before[-1] + 1 if before else sent.start
    prev_start = before[-2] + 1 if len(before) > 1 else sent.start
    end = after[0] if after else sent.end
    del doc
    return prev_start, start, end


def factuality(lex: Lexicon, rules: TypeRules, sent: Span, trigger: Hit) -> Factuality:
    """The status of the event that ``trigger`` starts in ``sent``.

    Sentence-wide statuses (denied, cancelled, rumored) come from anywhere in the sentence;
    the others from the trigger's clause, else the clause before it ("plant, ... zu
    verkaufen"), else the rest of the sentence.
    """
    prev_start, start, end = _clauses(sent, trigger)

    def zone(h: Hit) -> int:
        if start <= h.start < end:
            return 0
        if prev_start <= h.start < start:
            return 1
        return 2

    hits: dict[str, Hit] = {}
    for h in lex.status_cues.find(sent):
        if h.key in rules.ignore_statuses:
            continue
        prev = hits.get(h.key)
        key = (zone(h), abs(h.start - trigger.start))
        if prev is None or key < (zone(prev), abs(prev.start - trigger.start)):
            hits[h.key] = h
    future = _future(lex, sent, trigger) if "planned" not in rules.ignore_statuses else None
    if future is not None:
        # the future tense of the trigger verb itself: a cue in the trigger's own clause
        hits["planned"] = Hit("planned", (max(start, min(trigger.start, end - 1)),), future)
    best_zone = min((zone(h) for k, h in hits.items() if k not in _SENTENCE_SCOPE), default=3)
    hits = {
        k: h for k, h in hits.items() if k in _SENTENCE_SCOPE or zone(h) == best_zone
    }
    neg = _negated(lex, sent, trigger)
    if neg is not None:
        if "cancelled" in hits:
            return Factuality("cancelled", hits["cancelled"].source)
        return Factuality("denied", neg)
    for status in lex.status_order:
        if status == "completed" and rules.completed is not None:
            done = rules.completed.find(sent)
            if any(trigger.start in h.tokens or trigger.end - 1 in h.tokens for h in done):
                return Factuality("completed", done[0].source)
        if status in hits:
            return Factuality(status, hits[status].source)
    return Factuality(rules.default_status, None)
