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

import re

from dataclasses import dataclass

from spacy.tokens import Span

from .lexicon import Lexicon, TypeRules
from .patterns import Hit, clause_marks


@dataclass(frozen=True)
class Factuality:
    """The status and the cue that decided it (None when it is the default)."""

    status: str
    cue: str | None


def _negated(lex: Lexicon, sent: Span, trigger: Hit) -> str | None:
    w = lex.negation_window
    lo, hi = max(sent.start, trigger.start - w), min(sent.end, trigger.end + w)
    neg = lex.negation.find_in(sent, lo, hi)
    if not neg:
        return None
    excused = {t for h in lex.negation_exceptions.find_in(sent, lo, hi) for t in h.tokens}
    for h in neg:
        if not excused.intersection(h.tokens):
            return h.source
    return None


# German past participles with "ge" (after a separable prefix): abgestoßen, aufgenommen
_GE_PARTICIPLE = re.compile(
    r"^(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen)?ge\w{3,}(?:en|t)$"
)


def _future(
    lex: Lexicon, sent: Span, trigger: Hit, clause: tuple[int, int]
) -> tuple[str, str] | None:
    """A future or conditional auxiliary in the trigger's clause with the trigger verb in the
    infinitive ("wird ... verkaufen", "würde ... verkaufen"; not "wird vorgeschlagen, ...
    zusammenzulegen"): the status the data gives it, and the cue."""
    if not lex.future_auxiliaries:
        return None
    verb = sent.doc[trigger.end - 1]
    if not verb.text[:1].islower() or not verb.lower_.endswith(lex.infinitive_endings):
        return None
    if verb.lower_ in lex.participles or _GE_PARTICIPLE.match(verb.lower_):
        return None  # "wird übernommen", "wird abgestoßen": a passive, not a future
    for tok in sent.doc[clause[0] : clause[1]]:
        status = lex.future_auxiliaries.get(tok.lower_)
        if status is not None:
            return status, f"{tok.lower_} + {verb.lower_}"
    return None


# Reports about the whole sentence ("laut Insidern", "dementierte") hold for every event in
# it; the other statuses belong to the clause of their verb.
_SENTENCE_SCOPE = frozenset({"denied", "rumored"})
_TERMINAL = frozenset({"cancelled", "completed"})


def _clauses(sent: Span, trigger: Hit) -> tuple[int, int, int]:
    """Start of the clause before the trigger's clause, and the trigger clause's bounds."""
    marks = clause_marks(sent)
    before = [m for m in marks if m < trigger.start]
    after = [m for m in marks if m >= trigger.end]
    start = before[-1] + 1 if before else sent.start
    prev_start = before[-2] + 1 if len(before) > 1 else sent.start
    end = after[0] if after else sent.end
    return prev_start, start, end


def _reaching(lex: Lexicon, sent: Span, trigger: Hit, cues: list[Hit]) -> list[Hit]:
    """The cues that can govern the trigger: not those on the far side of a clause opener
    (a subordinating word, a relative pronoun after a comma, a semicolon: "filed for
    insolvency after talks collapsed", "legt ein Programm auf, das bis Ende 2026
    abgeschlossen sein soll"), nor those inside a subordinate clause before the trigger's
    clause ("After talks collapsed, X filed ...")."""
    subs = [h.start for h in lex.clause_openers.find(sent)]
    if not subs:
        return cues
    marks = clause_marks(sent)

    def reaches(h: Hit) -> bool:
        if h.start > trigger.start:
            return not any(trigger.end <= p <= h.start for p in subs)
        if any(h.end <= p <= trigger.start for p in subs):
            return False
        # the cue's own clause opened by an opener, and ended before the trigger
        opener = max((p for p in subs if p <= h.start), default=None)
        if opener is None or any(opener < m < h.start for m in marks):
            return True
        return not any(h.end <= m < trigger.start for m in marks)

    return [h for h in cues if reaches(h)]


def factuality(lex: Lexicon, rules: TypeRules, sent: Span, trigger: Hit) -> Factuality:
    """The status of the event that ``trigger`` starts in ``sent``.

    1. A negation next to the trigger: denied (cancelled with a cancel cue in its clause).
    2. Sentence-wide reports (denied, rumored) from anywhere in the sentence, in the order of
       the data file.
    3. Otherwise the one cue that governs the trigger: the cue of the trigger's clause
       (the type's own past forms "hat ... verkauft" included), else of the clause before
       it ("plant, ... zu verkaufen"), else of the rest of the sentence; within a clause,
       what finally happened (completed, cancelled) before plans, a cue before the trigger
       (the governing verb) before one after it, and the nearer first.
    4. Otherwise the type's default status.

    A plain future ("will sell", "verkaufen wird") is planned, or what the type's
    ``future_status`` says (announced for dividends, buybacks, splits, appointments and
    two-party deals).
    """
    prev_start, start, end = _clauses(sent, trigger)

    def rank(h: Hit) -> tuple[int, int, int, int]:
        zone = 0 if start <= h.start < end else 1 if prev_start <= h.start < start else 2
        # "den geplanten Verkauf abgesagt": what finally happened outranks the plan
        final = 0 if h.key in _TERMINAL else 1
        return (zone, final, int(h.start > trigger.start), abs(h.start - trigger.start))

    sentence_wide: dict[str, Hit] = {}
    clause_cues: list[Hit] = []
    for h in lex.status_cues.find(sent):
        if h.key in rules.ignore_statuses:
            continue
        if h.key in _SENTENCE_SCOPE:
            sentence_wide.setdefault(h.key, h)
        else:
            clause_cues.append(h)
    neg = _negated(lex, sent, trigger)
    if neg is not None:
        cancel = [h for h in clause_cues if h.key == "cancelled" and rank(h)[0] == 0]
        if cancel:
            return Factuality("cancelled", cancel[0].source)
        return Factuality("denied", neg)
    for status in lex.status_order:
        if status in sentence_wide:
            return Factuality(status, sentence_wide[status].source)
    if rules.completed is not None:
        # the type's own past forms: on the trigger ("hat ... verkauft"), or in its clause
        # for a noun trigger ("hat sich einen Kredit ... gesichert")
        for h in rules.completed.find(sent):
            if trigger.start in h.tokens or trigger.end - 1 in h.tokens or start <= h.start < end:
                clause_cues.append(Hit("completed", (h.start,), h.source))
    future = _future(lex, sent, trigger, (start, end))
    future_hit = None
    if future is not None and future[0] not in rules.ignore_statuses:
        future_hit = Hit(future[0], (trigger.start,), future[1])
        clause_cues.append(future_hit)
    if clause_cues:
        clause_cues = _reaching(lex, sent, trigger, clause_cues)
    if clause_cues:
        best = min(clause_cues, key=rank)
        if best.key == "planned" and (best is future_hit or best.source in lex.future_words):
            # a plain future: an action still to come, planned, or for the types whose
            # future is a decision made public (a dividend, a signed deal) announced
            return Factuality(rules.future_status, best.source)
        return Factuality(best.key, best.source)
    return Factuality(rules.default_status, None)
