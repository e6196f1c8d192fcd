"""A small token-pattern language for trigger words and cue phrases in the language data.

A pattern is a sequence of *steps* separated by single spaces; each step matches one token:

- ``verkauf*``: glob on the token's normalised text (lower case, soft hyphens removed);
  ``*`` stands for any run of characters inside the token, ``*verkauf`` matches compounds
  such as "Rechenzentrumsverkauf"
- ``sell|sells|sold``: alternatives
- ``...``: a gap of up to ``MAX_GAP`` tokens inside the same sentence (separable German verbs:
  ``stößt|stieß ... ab``)
- a leading ``!`` on a pattern marks a negative pattern (used for exclusions).

Patterns compile to regular expressions once per language; matching a token against all
first steps is cached per distinct lower-case form (its ``LOWER`` hash, read for the whole
Doc in one array), so the cost per token is one dict look-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

__all__ = [
    "CLAUSE_MARKS", "MAX_GAP", "Pattern", "PatternSet", "Hit", "clause_marks", "forget_lowers",
    "lowers", "memo", "norm", "remember", "sentence_text",
]

#: tokens that end a clause inside a sentence
CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
_CLAUSE_HASHES = frozenset(hash_string(m) for m in CLAUSE_MARKS)

MAX_GAP = 12
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def norm(token: Token) -> str:
    """Lower-cased token text without soft hyphens and zero-width characters."""
    return token.lower_.translate(_INVISIBLE)


_LOWERS_KEY = "eventx.lowers"


def lowers(doc: Doc) -> list[int]:
    """The ``LOWER`` hashes of all tokens, computed once per Doc while the event component
    runs (it removes them from ``doc.user_data`` when done)."""
    cached = doc.user_data.get(_LOWERS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = doc.to_array(LOWER).tolist()
        doc.user_data[_LOWERS_KEY] = cached
    return cached


_MEMO_KEY = "eventx.memo"


def remember(doc: Doc) -> None:
    """Keep the results of :meth:`PatternSet.find`, :func:`clause_marks` and other per-span
    look-ups (:func:`memo`) for ``doc`` until :func:`forget_lowers`.

    The event component asks the same questions of a sentence once per trigger; a sentence
    with many triggers (a long run of repeated text) made that quadratic.
    """
    doc.user_data[_MEMO_KEY] = {}


def memo(doc: Doc) -> dict | None:
    """The memo of :func:`remember`, or None outside the event component."""
    return doc.user_data.get(_MEMO_KEY)


def sentence_text(sent: Span) -> str:
    """``sent.text``, built once per sentence while the event component runs."""
    cache = memo(sent.doc)
    if cache is None:
        return sent.text
    key = ("text", sent.start, sent.end)
    text = cache.get(key)
    if text is None:
        text = cache[key] = sent.text
    return text


def clause_marks(sent: Span) -> list[int]:
    """Token indices of the clause boundaries of a sentence (sorted)."""
    cache = memo(sent.doc)
    key = ("clause_marks", sent.start, sent.end)
    if cache is not None and key in cache:
        return cache[key]
    low = lowers(sent.doc)
    marks = [i for i in range(sent.start, sent.end) if low[i] in _CLAUSE_HASHES]
    if cache is not None:
        cache[key] = marks
    return marks


def forget_lowers(doc: Doc) -> None:
    """Drop the cached hashes of :func:`lowers` and the memo of :func:`remember`."""
    doc.user_data.pop(_LOWERS_KEY, None)
    doc.user_data.pop(_MEMO_KEY, None)


def _step_regex(step: str) -> re.Pattern[str]:
    alts = []
    for alt in step.split("|"):
        alts.append(".*".join(re.escape(part) for part in alt.lower().split("*")))
    return re.compile("(?:" + "|".join(alts) + ")")


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: a list of (step regex, gap allowed before it)."""

    source: str
    key: str
    steps: tuple[tuple[re.Pattern[str], bool], ...]

    @classmethod
    def compile(cls, source: str, key: str) -> Pattern:
        steps: list[tuple[re.Pattern[str], bool]] = []
        gap = False
        for part in source.split():
            if part == "...":
                gap = True
                continue
            steps.append((_step_regex(part), gap))
            gap = False
        if not steps:
            raise ValueError(f"empty pattern {source!r} for {key!r}")
        return cls(source, key, tuple(steps))


@dataclass(frozen=True)
class Hit:
    """A pattern found in a Doc: token indices of every step (first = anchor)."""

    key: str
    tokens: tuple[int, ...]
    source: str

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1

    def span(self, doc: Doc) -> Span:
        """The span from the first to the last matched token."""
        return doc[self.start : self.end]


class PatternSet:
    """Many patterns under keys (e.g. event types or statuses), matched together."""

    # Per pattern set (there are a few dozen per language): every distinct token text is a
    # key, so a service reading news for weeks would fill it; 20,000 entries keep each set
    # under a few MB and still hold the words that recur.
    _CACHE_LIMIT = 20_000

    def __init__(self, patterns: Iterable[tuple[str, str]]) -> None:
        self.patterns = [Pattern.compile(src, key) for key, src in patterns]
        self._first: dict[int, tuple[int, ...]] = {}
        # one alternation of all first steps: most words match none, and are told so at once
        self._any = re.compile(
            "|".join(f"(?:{p.steps[0][0].pattern})" for p in self.patterns) or "(?!)"
        )

    def __len__(self) -> int:
        return len(self.patterns)

    def _firsts(self, key: int, strings) -> tuple[int, ...]:  # noqa: ANN001 - StringStore
        hit = self._first.get(key)
        if hit is None:
            text = strings[key].translate(_INVISIBLE)
            if self._any.fullmatch(text) is None:
                hit = ()
            else:
                hit = tuple(
                    i for i, p in enumerate(self.patterns) if p.steps[0][0].fullmatch(text)
                )
            if len(self._first) >= self._CACHE_LIMIT:
                self._first.clear()  # bounded memory for long-running services
            self._first[key] = hit
        return hit

    @staticmethod
    def _rest(pat: Pattern, low: list[int], strings, i: int, end: int) -> tuple[int, ...] | None:  # noqa: ANN001
        idx = [i]
        pos = i
        for rx, gap in pat.steps[1:]:
            stop = min(end, pos + 2 + (MAX_GAP if gap else 0))
            for k in range(pos + 1, stop):
                if rx.fullmatch(strings[low[k]].translate(_INVISIBLE)):
                    idx.append(k)
                    pos = k
                    break
            else:
                return None
        return tuple(idx)

    def finditer(self, doc: Doc, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Every hit whose tokens lie in ``doc[start:end]``, in text order."""
        end = len(doc) if end is None else end
        if not self.patterns:
            return
        low = lowers(doc)
        strings = doc.vocab.strings
        first = self._first
        for i in range(start, end):
            firsts = first.get(low[i])
            if firsts is None:
                firsts = self._firsts(low[i], strings)
            for pi in firsts:
                pat = self.patterns[pi]
                toks = self._rest(pat, low, strings, i, end) if len(pat.steps) > 1 else (i,)
                if toks is not None:
                    yield Hit(pat.key, toks, pat.source)

    def find(self, span: Span) -> list[Hit]:
        """Every hit inside ``span`` (a sentence, usually). The list is shared by later calls
        for the same span while the event component runs: do not change it."""
        cache = memo(span.doc)
        if cache is None:
            return list(self.finditer(span.doc, span.start, span.end))
        key = (self, span.start, span.end)
        hits = cache.get(key)
        if hits is None:
            hits = cache[key] = list(self.finditer(span.doc, span.start, span.end))
        return hits
