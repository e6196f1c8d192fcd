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


def factuality(lex: Lexicon, rules: TypeRules, sent: Span, trigger: Hit) -> Factuality:
    """The status of the event that ``trigger`` starts in ``sent``."""
    hits: dict[str, Hit] = {}
    for h in lex.status_cues.find(sent):
        # the cue nearest to the trigger represents its status
        prev = hits.get(h.key)
        if prev is None or abs(h.start - trigger.start) < abs(prev.start - trigger.start):
            hits[h.key] = h
    neg = _negated(lex, sent, trigger)
    if neg is not None:
        if "cancelled" in hits:
            return Factuality("cancelled", hits["cancelled"].source)
        return Factuality("denied", neg)
    if "planned" not in hits and (future := _future(lex, sent, trigger)) is not None:
        hits["planned"] = Hit("planned", (trigger.start,), future)
    for status in lex.status_order:
        if status == "completed" and rules.completed is not None:
            done = rules.completed.find(sent)
            if any(trigger.start in h.tokens or trigger.end - 1 in h.tokens for h in done):
                return Factuality("completed", done[0].source)
        if status in hits:
            return Factuality(status, hits[status].source)
    return Factuality(rules.default_status, None)
