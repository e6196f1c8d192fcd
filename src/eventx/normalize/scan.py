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
from array import array
from collections.abc import Callable, Iterable
from functools import cache
from itertools import compress, repeat
from operator import and_
from typing import NamedTuple

import numpy

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
def _chunk_cache(lang: str) -> dict[str, bytes]:
    return {}


@cache
def _token_cache(lang: str) -> dict[str, int]:
    return {}


# What the scanner knows about a run of text between spaces ("1,35", "Mrd.", "$2.04bn") is
# kept as packed records (native signed 64-bit integers), so that the records of a text are
# one ``bytes.join`` of those of its chunks: one record per token, ``offset << 16 | bits``
# (its offset in the chunk and its bits, see ``_classify``), then the negative record
# ``-(len(chunk) + 1)`` that moves past the chunk and the space after it.
_BITS = 0xFFFF
_RECORD = array("q").itemsize
#: texts with fewer records than this are read in Python; setting up arrays costs more there
_ARRAY_FROM = 128


def _read_chunk(chunk: str, lang: str) -> bytes:
    pieces = _SPLIT.split(chunk)
    records = array("q")
    if len(pieces) > 1:
        tokens = _token_cache(lang)
        offset = len(pieces[0])
        for i in range(1, len(pieces), 2):
            token = pieces[i]
            b = tokens.get(token)
            if b is None:
                b = tokens[token] = _classify(token, lang)
            records.append(offset << 16 | b)
            offset += len(token) + len(pieces[i + 1])
    records.append(-(len(chunk) + 1))
    return records.tobytes()


def _classify(token: str, lang: str) -> int:
    """Bits 0-3: starts of each kind; 4-7: leads (of the kinds it does not start); 8-11:
    follows; 12-15: skips."""
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
    # spaCy's tokenizer does; the records of all tokens are then read at once.
    chunks = text.split(" ")
    cache = _chunk_cache(lang)
    records = list(map(cache.get, chunks))
    try:
        packed = b"".join(records)
    except TypeError:  # chunks not seen before (None)
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
            _token_cache(lang).clear()
        for i, found in enumerate(records):
            if found is None:
                records[i] = cache[chunks[i]] = _read_chunk(chunks[i], lang)
        packed = b"".join(records)
    if len(packed) < _ARRAY_FROM * _RECORD:
        return _starts_of_list(packed)
    return _starts_of_array(packed)


def _starts_of_list(packed: bytes) -> Starts:
    """``starts`` from the packed records of a short text, in plain Python."""
    records = array("q")
    records.frombytes(packed)
    bits: list[int] = []
    at: list[int] = []
    base = 0
    for r in records:
        if r >= 0:
            bits.append(r & _BITS)
            at.append(base + (r >> 16))
        else:
            base -= r
    hits: list[int] = []
    where: list[int] = []
    for i, b in enumerate(bits):
        hit = b & 0xF
        wanted = b >> 4 & 0xF
        if wanted:
            hit |= _follows(bits, i, wanted)
        if hit:
            hits.append(hit)
            where.append(at[i])
    return _sorted_out(hits, where)


def _follows(bits: list[int], i: int, wanted: int) -> int:
    """The kinds (of ``wanted``) that the tokens after token ``i`` can continue: the next
    token, or the one after up to two articles ("by the end")."""
    skip = wanted
    follow = 0
    for b in bits[i + 1 : i + 4]:
        follow |= b >> 8 & skip
        skip &= b >> 12
        if not skip:
            break
    return follow


# numpy scalars: a Python int in an array operation costs more to convert than the operation
_ZERO, _FOUR, _EIGHT, _TWELVE, _SIXTEEN = (numpy.int64(k) for k in (0, 4, 8, 12, 16))
_LOW, _ALL = numpy.int64(0xF), numpy.int64(_BITS)


def _starts_of_array(packed: bytes) -> Starts:
    """``starts`` from the packed records of a text, with array operations: the same steps
    as ``_starts_of_list`` and ``_follows``, for all tokens at once."""
    records = numpy.frombuffer(packed, dtype=numpy.int64)
    tokens = (records >= _ZERO).nonzero()[0]
    # minus the start of each record's chunk: the chunks before it, with their spaces
    before = numpy.minimum(records, _ZERO).cumsum()
    records = records.take(tokens)
    n = len(records)
    after = numpy.zeros(n + 3, dtype=numpy.int64)  # no tokens after the last one
    numpy.bitwise_and(records, _ALL, out=after[:n])
    bits = after[:n]
    wanted = (bits >> _FOUR) & _LOW
    follows = after >> _EIGHT  # the follow bits, and skip bits that "& wanted" drops
    skips = after >> _TWELVE
    # the next token, or up to two skipped ones and the token after them (``_follows``)
    follow = follows[1 : n + 1] & wanted
    skip = skips[1 : n + 1] & wanted
    follow |= follows[2 : n + 2] & skip
    skip &= skips[2 : n + 2]
    follow |= follows[3 : n + 3] & skip
    follow |= bits & _LOW
    # the few tokens that start something, sorted into the kinds in Python
    found = follow.nonzero()[0]
    at = ((records.take(found) >> _SIXTEEN) - before.take(tokens.take(found))).tolist()
    return _sorted_out(follow.take(found).tolist(), at)


def _sorted_out(hits: list[int], at: list[int]) -> Starts:
    """``Starts`` of the tokens at ``at`` with the kinds ``hits`` (bits 0-3)."""
    return Starts(*(list(compress(at, map(and_, hits, repeat(kind)))) for kind in _KINDS))
