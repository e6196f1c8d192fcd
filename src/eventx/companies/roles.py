"""Who is who around a trigger: the one place role rules live.

``assign_roles`` is given a sentence, the trigger tokens and the company spans of that
sentence (``doc.spans["companies"]``) and says which company is

- the **agent**: seller, acquirer, payer, issuer, investor ("Siemens verkauft ...",
  "A übernimmt B", "B wird von A übernommen", "B was acquired by A", "B, bought by A");
- the **patient**: the company acquired, merged with, invested in ("A übernimmt B",
  "merger with B", "stake in B", "die Übernahme von B durch A");
- the **counterpart**: the other side of a sale or purchase ("verkauft X an Z",
  "sells X to Z", "kauft X von Z", "buys X from Z").

Rules, all on a blank pipeline (no parser):

1. Companies in an inserted clause set off by commas (a relative clause or an apposition:
   "Meta Platforms, das Unternehmen hinter Facebook, ...") do not take roles of the main
   clause. If the trigger itself is in such a clause ("Siemens, das im Juni Y übernommen
   hatte, ..."), the company just before the clause stands in for the relative pronoun.
2. A preposition before a company (skipping articles, adjectives and company nouns: "an den
   Finanzinvestor KKR", "by rival X") marks its role: "an"/"to"/"von"/"from" the
   counterpart; "durch"/"by" the agent; "von" the agent in a passive and the patient after a
   noun trigger ("die Übernahme von B"); "mit"/"with"/"in" the patient. After a stake noun
   ("Anteile an B", "stake in B") the company is the patient.
3. The unmarked companies, in order, are agent then patient; in a passive, or when a
   preposition already named the agent, the first unmarked one is the patient.

Possessives ("seine", "its") never take a role: they belong to the object ("seine Sparte").
The words are in ``lang/<lang>/companies.toml`` under ``[roles]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.strings import hash_string
from spacy.tokens import Span

from ..doc_data import value_of
from ..frames.patterns import lowers, memo
from ..lang import data

# the marks that delimit inserted clauses, as ``LOWER`` hashes
_CLAUSE_COMMAS = frozenset(hash_string(m) for m in (",", ";", "–", "—"))

__all__ = ["Roles", "assign_roles"]


@dataclass(frozen=True)
class Roles:
    """Companies by role around one trigger (each a span of ``doc.spans["companies"]``)."""

    agent: Span | None = None
    patient: Span | None = None
    counterpart: Span | None = None


@dataclass(frozen=True)
class _Cues:
    counterpart: frozenset[str]
    passive_agent: frozenset[str]
    agent: frozenset[str]
    patient: frozenset[str]
    nominal_patient: frozenset[str]
    auxiliaries: frozenset[str]
    participles_en: frozenset[str]
    stake_nouns: frozenset[str]
    skip: frozenset[str]
    relative_starts: frozenset[str]
    possessives: frozenset[str]
    descriptors: tuple[str, ...]
    adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    nominal_triggers: frozenset[str]
    capitalised_nouns: bool
    auxiliary_hashes: frozenset[int]  # the auxiliaries as spaCy ``LOWER`` hashes


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    words: dict[str, Any] = data(lang, "companies")
    roles = words.get("roles", {})
    anaphora = words.get("anaphora", {})

    def f(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in roles.get(key, ()))

    auxiliaries = f("passive_auxiliaries")
    return _Cues(
        counterpart=f("counterpart_preps"),
        passive_agent=f("passive_agent_preps"),
        agent=f("agent_preps"),
        patient=f("patient_preps"),
        nominal_patient=f("nominal_patient_preps"),
        auxiliaries=auxiliaries,
        participles_en=f("participles_en"),
        stake_nouns=f("stake_nouns"),
        skip=f("skip_words"),
        relative_starts=f("relative_starts"),
        possessives=frozenset(words.get("possessives", ())),
        descriptors=tuple(words.get("descriptors", ())),
        adjectives=frozenset(w.lower() for w in anaphora.get("adjectives", ())),
        adjective_endings=tuple(anaphora.get("adjective_endings", ())),
        nominal_triggers=f("nominal_triggers"),
        capitalised_nouns=bool(roles.get("capitalised_nouns", False)),
        auxiliary_hashes=frozenset(hash_string(w) for w in auxiliaries),
    )


def is_possessive(span: Span, lang: str) -> bool:
    """Whether a company span is a possessive ("seine", "its") rather than a mention."""
    return span.end - span.start == 1 and span.doc[span.start].text in _cues(lang).possessives


def _inserted_clauses(sent: Span, cues: _Cues) -> list[tuple[int, int]]:
    """Token ranges of comma-delimited clauses that start with a relative pronoun or an
    article (relative clauses and appositions); kept per sentence while the event component
    runs (every trigger of a sentence asks)."""
    doc = sent.doc
    cache = memo(doc)
    key = ("inserted_clauses", sent.start, sent.end)
    if cache is not None and key in cache:
        return cache[key]
    low = lowers(doc)
    commas = [i for i in range(sent.start, sent.end) if low[i] in _CLAUSE_COMMAS]
    ranges = []
    for a, b in zip(commas, commas[1:] + [sent.end]):
        if a + 1 >= b:
            continue
        first = doc[a + 1]
        if first.text.lower() in cues.relative_starts and first.text[:1].islower():
            ranges.append((a + 1, b))
    if cache is not None:
        cache[key] = ranges
    return ranges


def _cue_before(span: Span, lower_limit: int, cues: _Cues, taken: set[int]) -> tuple[str, bool]:
    """The preposition governing ``span`` (lower-cased, or ""), and whether a stake noun
    precedes that preposition."""
    doc = span.doc
    i = span.start - 1
    skipped = 0
    while i >= lower_limit and skipped <= 3:
        tok = doc[i]
        low = tok.text.lower()
        if i in taken or tok.is_punct:
            return "", False
        if low in cues.counterpart or low in cues.agent or low in cues.patient or (
            low in cues.passive_agent or low in cues.nominal_patient
        ):
            stake = i > lower_limit and doc[i - 1].text.lower() in cues.stake_nouns
            return low, stake
        if not _skippable(tok.text, cues):
            return "", False
        skipped += 1
        i -= 1
    return "", False


def _skippable(word: str, cues: _Cues) -> bool:
    low = word.lower()
    if low in cues.skip or low in cues.adjectives or low.endswith(cues.descriptors):
        return True
    if "-" in word and word[:1].isupper():  # "US-Finanzinvestor", "Munich-based"
        return True
    return bool(cues.adjective_endings) and word.islower() and low.endswith(cues.adjective_endings)


def _is_passive(sent: Span, trigger: Span, cues: _Cues, noun: bool) -> bool:
    if noun:
        return False
    doc = sent.doc
    last = trigger[-1].text.lower()
    if trigger.end < sent.end and doc[trigger.end].text.lower() in cues.passive_agent and (
        not cues.capitalised_nouns
    ):
        return True  # "B, bought by A"
    # the words are compared by their lower-case hashes: no Token objects for a whole clause
    low, aux = lowers(doc), cues.auxiliary_hashes
    has_aux = any(low[i] in aux for i in range(max(sent.start, trigger.start - 4), trigger.start))
    if not has_aux and cues.capitalised_nouns:  # "wird ... übernommen", "übernommen werden"
        has_aux = any(low[i] in aux for i in range(sent.start, min(sent.end, trigger.end + 2)))
    if not has_aux:
        return False
    if cues.capitalised_nouns:  # German: a participle, not an infinitive ("wird ... übernehmen")
        return not last.endswith("en") or last in cues.participles_en or last.startswith("ge")
    # English: a participle ("was acquired", "is being sold"), not a noun ("is exploring a sale")
    return last.endswith(("ed", "en", "wn")) or last in cues.participles_en


def _is_nominal(sent: Span, trigger: Span, cues: _Cues) -> bool:
    word = trigger[0].text
    if cues.capitalised_nouns:
        return word[:1].isupper() and trigger.start != sent.start
    return trigger.text.lower() in cues.nominal_triggers or word.lower() in cues.nominal_triggers


def assign_roles(
    sent: Span, trigger: Span, companies: list[Span], lang: str, *, nominal: bool | None = None
) -> Roles:
    """Assign agent / patient / counterpart among ``companies`` for ``trigger`` in ``sent``.

    ``companies`` may hold spans of the whole document; only those inside ``sent`` count.
    ``nominal`` says whether the trigger is a noun ("Übernahme", "acquisition"); by default
    it is guessed (German: capitalised inside the sentence; English: listed in the data).
    """
    cues = _cues(lang)
    cands = sorted(
        (
            c
            for c in companies
            if c.start >= sent.start and c.end <= sent.end
            and not (c.start >= trigger.start and c.end <= trigger.end)
            and not is_possessive(c, lang)
        ),
        key=lambda c: c.start,
    )
    if not cands:
        return Roles()
    # 1. inserted clauses
    clauses = _inserted_clauses(sent, cues)
    home = next((r for r in clauses if r[0] <= trigger.start < r[1]), None)
    lower_limit = sent.start
    stand_in: Span | None = None
    if home is not None:  # the trigger is in a relative clause
        lower_limit = home[0]
        outside = [c for c in cands if c.end <= home[0]]
        stand_in = outside[-1] if outside else None
        cands = [c for c in cands if home[0] <= c.start and c.end <= home[1]]
    else:
        cands = [c for c in cands if not any(a <= c.start and c.end <= b for a, b in clauses)]
    noun = _is_nominal(sent, trigger, cues) if nominal is None else nominal
    passive = _is_passive(sent, trigger, cues, noun)
    # 2. prepositions
    agent = patient = counterpart = None
    unmarked: list[Span] = [stand_in] if stand_in is not None else []
    company_tokens = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        prep, stake = _cue_before(c, lower_limit, cues, company_tokens)
        after = c.start >= trigger.end
        if not prep:
            unmarked.append(c)
        elif stake or (prep in cues.patient and prep not in cues.counterpart):
            patient = patient or c  # "mit B", "merger with B", "stake in B"
        elif prep in cues.passive_agent and passive:
            agent = agent or c  # "B wird von A übernommen", "acquired by A"
        elif prep in cues.nominal_patient and noun and after:
            patient = patient or c  # "die Übernahme von B", "the acquisition of B"
        elif prep in cues.agent:
            agent = agent or c  # "durch A", "by A"
        elif prep in cues.counterpart:
            counterpart = counterpart or c  # "an Z", "von Z", "to Z", "from Z"
    # 3. unmarked companies, skipping ones that name the same company as a role taken
    names = {value_of(s).name for s in (agent, patient, counterpart) if s is not None and value_of(s)}
    for c in unmarked:
        value = value_of(c)
        name = value.name if value is not None else c.text
        if name in names:
            continue
        if agent is None and not passive:
            agent = c
        elif patient is None:
            patient = c
        else:
            continue
        names.add(name)
    return Roles(agent=agent, patient=patient, counterpart=counterpart)
