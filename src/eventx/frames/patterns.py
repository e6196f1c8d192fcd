"""A small token-pattern language for trigger words and cue phrases in the language data.

A pattern is a sequence of *steps* separated by single spaces; each step matches one token:

- ``verkauf*``: glob on the token's normalised text (lower case, soft hyphens removed);
  ``*`` stands for any run of characters inside the token, ``*verkauf`` matches compounds
  such as "Rechenzentrumsverkauf"
- ``sell|sells|sold``: alternatives
- ``...``: a gap of up to ``MAX_GAP`` tokens inside the same sentence (separable German verbs:
  ``stößt|stieß ... ab``)
- a leading ``!`` on a pattern marks a negative pattern (used for exclusions).

Patterns compile to regular expressions once per language; matching a token's text against
all first steps is cached per distinct text, so the cost per token is one dict look-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_GAP", "Pattern", "PatternSet", "Hit", "norm"]

MAX_GAP = 12
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def norm(token: Token) -> str:
    """Lower-cased token text without soft hyphens and zero-width characters."""
    return token.lower_.translate(_INVISIBLE)


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
        self._first: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self.patterns)

    def _firsts(self, text: str) -> tuple[int, ...]:
        hit = self._first.get(text)
        if hit is None:
            hit = tuple(
                i for i, p in enumerate(self.patterns) if p.steps[0][0].fullmatch(text)
            )
            if len(self._first) >= self._CACHE_LIMIT:
                self._first.clear()  # bounded memory for long-running services
            self._first[text] = hit
        return hit

    def _rest(self, pat: Pattern, doc: Doc, i: int, end: int) -> tuple[int, ...] | None:
        idx = [i]
        pos = i
        for rx, gap in pat.steps[1:]:
            stop = min(end, pos + 2 + (MAX_GAP if gap else 0))
            for k in range(pos + 1, stop):
                if rx.fullmatch(norm(doc[k])):
                    idx.append(k)
                    pos = k
                    break
            else:
                return None
        return tuple(idx)

    def finditer(self, doc: Doc, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Every hit whose tokens lie in ``doc[start:end]``, in text order."""
        end = len(doc) if end is None else end
        for i in range(start, end):
            firsts = self._firsts(norm(doc[i]))
            for pi in firsts:
                pat = self.patterns[pi]
                toks = self._rest(pat, doc, i, end) if len(pat.steps) > 1 else (i,)
                if toks is not None:
                    yield Hit(pat.key, toks, pat.source)

    def find(self, span: Span) -> list[Hit]:
        """Every hit inside ``span`` (a sentence, usually)."""
        return list(self.finditer(span.doc, span.start, span.end))
