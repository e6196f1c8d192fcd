"""Where in a text a money, percent, horizon or date expression can start.

Python's regex engine tries a pattern at every position of a text, and the normalisers'
patterns are long alternations built from the language data, so scanning a whole article
that way is slow. Instead the text is split into tokens once (one C-level ``re.split``), each
distinct token is classified once per language (cached), and a pattern is only tried where
it can match:

- at a token that is a whole expression or always begins one ("$", "EUR", "Jahresende",
  "Tuesday", "31.07.2025");
- at a word or number that only leads into one ("rund", "bis", "im", "about", "1,35"), when
  the next token can continue it ("rund 1,35", "bis Ende", "im Juni", "1,35 Mrd.", but not
  "im Unternehmen" or "4.800 Beschäftigte").

Each normaliser describes its vocabulary as a ``Vocab``, built from ``lang/<lang>/*.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import accumulate, compress
from operator import attrgetter
from typing import NamedTuple

from .currencies import SYMBOLS

__all__ = [
    "DATE",
    "HORIZON",
    "MONEY",
    "PERCENT",
    "Starts",
    "Vocab",
    "first_token",
    "starts",
    "tokens",
]

MONEY, PERCENT, HORIZON, DATE = 1, 2, 4, 8
_KINDS = (MONEY, PERCENT, HORIZON, DATE)

# Tokens: words; numbers with their decimal and group marks ("1,35", "31.12.2026": nothing
# starts inside them); and the marks that can begin or continue an expression although they
# are not letters or digits (currency symbols, signs, "%", "-" in "mid-2026", "/" in "H1/26").
_MARKS = sorted({s[0] for s in SYMBOLS if not s[0].isalnum()} | set("-−–+%/"))
_SPLIT = re.compile(r"([^\W\d_]+|\d+(?:[.,]\d+)*|[" + re.escape("".join(_MARKS)) + "])")
_FIRST = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_CACHE_LIMIT = 50_000  # distinct chunks kept per language (a few MB)


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
    #: how a number token can begin an expression: 0 never, 1 as a lead (when the next
    #: token is in ``follows``: "1,35 Mrd.", "31. Juli"), 2 on its own ("31.07.2025")
    digits: Callable[[str], int] = lambda token: 1


class Starts(NamedTuple):
    """Offsets where each kind of expression may start, ascending."""

    money: list[int]
    percent: list[int]
    horizon: list[int]
    date: list[int]


@cache
def _vocabs(lang: str) -> tuple[Vocab, ...]:
    from .money import vocab as money_vocab
    from .percent import vocab as percent_vocab
    from .time import date_vocab, horizon_vocab

    return money_vocab(lang), percent_vocab(lang), horizon_vocab(lang), date_vocab(lang)


@cache
def _chunk_cache(lang: str) -> dict[str, _Chunk]:
    return {}


@cache
def _token_cache(lang: str) -> dict[str, int]:
    return {}


class _Chunk(NamedTuple):
    """What the scanner knows about a run of text between spaces ("1,35", "Mrd.", "$2.04bn")."""

    mask: int  # start and lead bits of all its tokens
    offsets: tuple[int, ...]  # where its tokens start, relative to the chunk
    bits: tuple[int, ...]  # the bits of its tokens (see ``_classify``)


_EMPTY = _Chunk(0, (), ())
_mask = attrgetter("mask")


def _read_chunk(chunk: str, lang: str) -> _Chunk:
    pieces = _SPLIT.split(chunk)
    if len(pieces) == 1:
        return _EMPTY
    tokens = _token_cache(lang)
    offsets = list(accumulate(map(len, pieces)))
    bits = []
    for i in range(1, len(pieces), 2):
        token = pieces[i]
        b = tokens.get(token)
        if b is None:
            b = tokens[token] = _classify(token, lang)
        bits.append(b)
    mask = 0
    for b in bits:
        mask |= b
    return _Chunk(mask & 0xFF, tuple(offsets[0:-1:2]), tuple(bits))


def _classify(token: str, lang: str) -> int:
    """Bits 0-3: starts of each kind; 4-7: leads; 8-11: follows; 12-15: skips."""
    if token[0].isdigit():
        bits = 0xF << 8
        for i, v in enumerate(_vocabs(lang)):
            level = v.digits(token)
            if level == 2:
                bits |= 1 << i
            elif level == 1:
                bits |= 1 << (i + 4)
        return bits
    low = token.lower()
    bits = 0
    for i, v in enumerate(_vocabs(lang)):
        word = v.words is not None and v.words(token)
        if low in v.starts or (v.exact is not None and v.exact(token)):
            bits |= 1 << i
        elif low in v.leads or word:
            bits |= 1 << (i + 4)
        if low in v.follows or word or (v.exact is not None and v.exact(token)):
            bits |= 1 << (i + 8)
        if low in v.skips:
            bits |= 1 << (i + 12)
    return bits


def starts(text: str, lang: str) -> Starts:
    """Offsets in ``text`` where money, percent, horizon and date expressions may start."""
    # Text is cut at spaces (in C) and each distinct chunk is read once per language, as
    # spaCy's tokenizer does; only chunks with a possible start are looked at further.
    chunks = text.split(" ")
    cache = _chunk_cache(lang)
    infos = list(map(cache.get, chunks))
    if None in infos:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
            _token_cache(lang).clear()
        for i, info in enumerate(infos):
            if info is None:
                infos[i] = cache[chunks[i]] = _read_chunk(chunks[i], lang)
    found: tuple[list[int], ...] = ([], [], [], [])
    hits = list(compress(range(len(infos)), map(_mask, infos)))
    if not hits:
        return Starts(*found)
    begins = list(accumulate(map(len, chunks), initial=0))
    n = len(infos)
    for j in hits:
        chunk = infos[j]
        cbits = chunk.bits
        for t, b in enumerate(cbits):
            hit = b & 0xF
            wanted = b >> 4 & 0xF & ~hit
            if wanted:
                hit |= wanted & _follows(infos, n, j, t, wanted)
            if hit:
                at = begins[j] + j + chunk.offsets[t]
                for kind in range(4):
                    if hit >> kind & 1:
                        found[kind].append(at)
    return Starts(*found)


def _follows(infos: list[_Chunk], n: int, j: int, t: int, wanted: int) -> int:
    """The kinds (of ``wanted``) that the tokens after token ``t`` of chunk ``j`` can
    continue: the next token, or the one after up to two articles."""
    skip = wanted
    follow = 0
    seen = 0
    bits = infos[j].bits
    t += 1
    while seen < 3:
        while t >= len(bits):
            j += 1
            if j >= n:
                return follow
            bits, t = infos[j].bits, 0
        b = bits[t]
        follow |= b >> 8 & skip
        skip &= b >> 12
        if not skip:
            return follow
        seen += 1
        t += 1
    return follow
