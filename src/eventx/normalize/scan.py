"""Where in a text a money, percent, horizon or date expression can start.

Python's regex engine tries a pattern at every position of a text, and the normalisers'
patterns are long alternations built from the language data, so scanning a whole article
that way is slow. Instead the text is split into tokens once (one C-level ``re.split``), each
distinct token is classified once per language (cached), and a pattern is only tried where
it can match:

- at a digit, or at a token that is a whole expression or always begins one ("$", "EUR",
  "Jahresende", "Tuesday");
- at a word that only leads into one ("rund", "bis", "im", "about"), when the next token
  can continue it ("rund 1,35", "bis Ende", "im Juni", but not "im Unternehmen").

Each normaliser describes its vocabulary as a ``Vocab``, built from ``lang/<lang>/*.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from .currencies import SYMBOLS

__all__ = ["DATE", "HORIZON", "MONEY", "PERCENT", "Starts", "Vocab", "first_token", "starts", "tokens"]

MONEY, PERCENT, HORIZON, DATE = 1, 2, 4, 8
_KINDS = (MONEY, PERCENT, HORIZON, DATE)

# Tokens: words; numbers with their decimal and group marks ("1,35", "31.12.2026": nothing
# starts inside them); and the marks that can begin or continue an expression although they
# are not letters or digits (currency symbols, signs, "%", "-" in "mid-2026", "/" in "H1/26").
_MARKS = sorted({s[0] for s in SYMBOLS if not s[0].isalnum()} | set("-−–+%/"))
_SPLIT = re.compile(r"([^\W\d_]+|\d+(?:[.,]\d+)*|[" + re.escape("".join(_MARKS)) + "])")
_FIRST = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_CACHE_LIMIT = 200_000


def first_token(phrase: str) -> str:
    """The first token of a phrase as the scanner sees it, lower case ("end-2026" -> "end")."""
    m = _FIRST.search(phrase.strip())
    return m.group().lower() if m else ""


def tokens(phrases: Iterable[str]) -> frozenset[str]:
    """Every token of some phrases, lower case."""
    return frozenset(t.lower() for p in phrases for t in _FIRST.findall(p))


class Vocab(NamedTuple):
    """What a normaliser's expressions look like to the scanner (tokens in lower case)."""

    #: tokens that are, or always begin, an expression (besides digits)
    starts: frozenset[str]
    #: tokens that begin one only when the next token is in ``follows``
    leads: frozenset[str]
    #: tokens that can come right after a lead (besides digits)
    follows: frozenset[str]
    #: a test for tokens that are both (number words: "zwölf", "twenty"), or None
    words: Callable[[str], bool] | None = None
    #: a test for case-sensitive tokens that always begin an expression ("EUR"), or None
    exact: Callable[[str], bool] | None = None
    #: tokens to look past when checking what follows a lead ("the", "des": "by the end")
    skips: frozenset[str] = frozenset()
    #: a test for the numbers that can begin an expression, or None for all of them
    digits: Callable[[str], bool] | None = None


class Starts(NamedTuple):
    """Offsets where each kind of expression may start, ascending."""

    money: list[int]
    percent: list[int]
    horizon: list[int]
    date: list[int]


@lru_cache(maxsize=None)
def _vocabs(lang: str) -> tuple[Vocab, ...]:
    from .money import vocab as money_vocab
    from .percent import vocab as percent_vocab
    from .time import date_vocab, horizon_vocab

    return money_vocab(lang), percent_vocab(lang), horizon_vocab(lang), date_vocab(lang)


@lru_cache(maxsize=None)
def _classes(lang: str) -> dict[str, int]:
    return {}


def _classify(token: str, lang: str) -> int:
    """Bits 0-3: starts of each kind; 4-7: leads; 8-11: follows; 12-15: skips."""
    if token[0].isdigit():
        bits = 0xF << 8
        for i, v in enumerate(_vocabs(lang)):
            if v.digits is None or v.digits(token):
                bits |= 1 << i
        return bits
    low = token.lower()
    bits = 0
    for i, v in enumerate(_vocabs(lang)):
        word = v.words is not None and v.words(token)
        if low in v.starts or (v.exact is not None and v.exact(token)):
            bits |= 1 << i
        elif low in v.leads or word:
            bits |= 1 << (i + 4)
        if low in v.follows or word:
            bits |= 1 << (i + 8)
        if low in v.skips:
            bits |= 1 << (i + 12)
    return bits


def starts(text: str, lang: str) -> Starts:
    """Offsets in ``text`` where money, percent, horizon and date expressions may start."""
    pieces = _SPLIT.split(text)
    offsets = list(accumulate(map(len, pieces)))
    cache = _classes(lang)
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    bits_of = []
    for i in range(1, len(pieces), 2):
        token = pieces[i]
        bits = cache.get(token)
        if bits is None:
            bits = cache[token] = _classify(token, lang)
        bits_of.append(bits)
    n = len(bits_of)
    bits_of += (0, 0, 0)
    found: tuple[list[int], ...] = ([], [], [], [])
    for j in range(n):
        bits = bits_of[j]
        hit = bits & 0xF
        wanted = bits >> 4 & 0xF & ~hit
        if wanted:
            # a lead counts when what follows it (past up to two articles) can continue it
            k = j + 1
            follow = bits_of[k] >> 8 & 0xF
            skip = bits_of[k] >> 12 & wanted
            while skip and k < j + 3:
                k += 1
                follow |= bits_of[k] >> 8 & skip
                skip &= bits_of[k] >> 12
            hit |= wanted & follow
        if hit:
            at = offsets[2 * j]
            for kind in range(4):
                if hit >> kind & 1:
                    found[kind].append(at)
    return Starts(*found)
