"""parse_money: one amount expression -> ``Money`` | None.

Reads amounts as German and English business news write them: "2,04 Mrd. Euro",
"1.234,5 Mio. €", "2 000 Euro" (thin space), "CHF 1,2 Mrd.", "3 Mrd. schwedische Kronen",
"US$ 450 Mio.", "C$1.2bn", "¥500bn", "$2.04bn", "USD 700 million", "zwei Milliarden Euro",
"twelve million dollars", "1,10 Euro je Aktie", "25 cents a share".

Conventions
-----------
- ``value`` is in units of the currency: "2,04 Mrd." -> 2040000000; German "Billion" is
  10^12, English "billion" 10^9; "25 cents" -> 0.25 USD (subunits divide by 100).
- ``currency`` is ISO 4217. A bare "$" or "dollar" is USD; "Kronen"/"kroner" without the
  country is not resolved (None), since several countries use them.
- Numbers follow ``eventx.normalize.numbers`` (decimal comma/point, thousands separators).
- Approximate amounts set ``approximate=True``:

  ======================================  =============  ======  ======
  text                                    value          low     high
  ======================================  =============  ======  ======
  "rund/etwa/about X"                     X              -       -
  "mehr als/über/more than/at least X"    X              X       -
  "bis zu/knapp/up to/nearly X"           X              -       X
  "zwischen X und Y", "X bis Y", "X-Y"    (X + Y) / 2    X       Y
  "Hunderte Milliarden", "hundreds of bn" 100 bn         100 bn  999 bn
  "mehrere Millionen", "several million"  2 m            2 m     9 m
  "Milliarden Dollar", "billions of ..."  2 bn           2 bn    999 bn
  ======================================  =============  ======  ======

  Vague quantities take their low end as the value; their factors are language data
  (``[vague]`` and ``[bare_plural]`` in ``lang/<lang>/numbers.toml``).
- A range takes the multiplier and the currency of either end ("1 bis 1,5 Mrd. Euro",
  "$1-1.5bn"); ends in two different currencies are two amounts, not a range.
- Per-share amounts ("1,10 Euro je Aktie", "$0.25 per share") parse like any other amount;
  ``iter_amounts`` reports that they are per share.

``parse_money`` returns the first amount in the text, with ``text`` the part that was read;
None when there is none: a number needs a currency to be money, so phone numbers, years,
"Nr. 1", share counts and percentages give None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import chain
from types import MappingProxyType
from typing import NamedTuple

from ..lang import data
from ..schema import Money
from ._text import (
    CACHE_SIZE,
    LETTER_AFTER,
    LETTER_BEFORE,
    alternation,
    check_lang,
    check_text,
    key,
    plain,
)
from .currencies import SYMBOLS, codes
from .numbers import DIGITS, Lexicon, clean, lexicon
from .scan import Vocab, first_token, tokens
from .scan import starts as scan

__all__ = ["Amount", "iter_amounts", "parse_money", "per_share_before", "vocab"]

_TWO = Decimal(2)


class Amount(NamedTuple):
    """An amount found in a text: offsets into that text, its value, whether per share."""

    start: int
    end: int
    money: Money
    per_share: bool


@dataclass(frozen=True)
class _Grammar:
    lex: Lexicon
    rx: re.Pattern[str]
    words: Mapping[str, str]
    subunits: Mapping[str, tuple[str, int]]
    range_and: frozenset[str]
    per_share_before: re.Pattern[str]
    per_share_words: re.Pattern[str]  # the last word of any per-share phrase, anywhere
    currency_memo: dict[str, tuple[str, int] | None]


def _ci(rx: str) -> str:
    return f"(?i:{rx})"


# horizontal whitespace, at most one line break, and a hyphen before a word
# ("2-Milliarden-Dollar-Deal"; not before "$" in "$1bn-$1.5bn", which is a range)
_J = r"[^\S\n]*(?:\n[^\S\n]*)?(?:-(?=[^\W\d_])[^\S\n]*)?"
_SYMBOL_RX = alternation(SYMBOLS)
_CODE_RX = r"[A-Z]{3}(?![A-Za-z])"


@cache
def _grammar(lang: str) -> _Grammar:
    lex = lexicon(check_lang(lang))
    d = data(lang, "money")
    words = {key(k): v for k, v in d.get("currencies", {}).items()}
    subunits = {key(k): (v[0], int(v[1])) for k, v in d.get("subunits", {}).items()}
    # not preceded by a letter, but may follow digits directly ("25p", "5Euro")
    word_rx = _ci(rf"(?<![^\W\d_]){alternation(list(words) + list(subunits))}{LETTER_AFTER}")

    def pre(name: str) -> str:
        return rf"(?:(?P<{name}>{_SYMBOL_RX}|{_CODE_RX})\s*)"

    def suf(name: str) -> str:
        return rf"(?P<{name}>{_SYMBOL_RX}|{_CODE_RX}|{word_rx})"

    mult = lex.multiplier_rx

    def amount(k: str) -> str:
        return (
            rf"{pre('p' + k)}?"
            rf"(?:(?P<d{k}>{DIGITS})|(?P<w{k}>{lex.words_rx})|(?P<a{k}>{lex.article_rx})(?={_J}{mult}))"
            rf"(?:{_J}(?P<m{k}>{mult}))?"
            rf"(?:{_J}{suf('s' + k)})?"
        )

    connect = alternation(d.get("connectors", ()))
    joiners = list(d.get("range_to", ())) + list(d.get("range_and", ()))
    to_rx = "|".join(
        re.escape(j) if not j[0].isalpha() else _ci(alternation([j]) + LETTER_AFTER)
        for j in sorted(joiners, key=len, reverse=True)
    )
    rx = (
        rf"(?<![\w$€£¥])(?:(?P<ap>{lex.approximator_rx})\s+)?"
        r"(?:"
        rf"(?P<vq>{lex.vague_rx})\s+(?:(?P<vs>{lex.vague_scale_rx})\s+)?(?P<vm>{mult})"
        rf"(?:\s+{connect})?{_J}{suf('vc')}"
        rf"|(?P<bp>{lex.bare_plural_rx})(?:\s+{connect})?{_J}{suf('bc')}"
        rf"|(?:(?P<op>{_ci(alternation(d.get('range_open', ())))})\s+)?{amount('1')}"
        rf"(?:\s*(?P<to>{to_rx})\s*{amount('2')})?"
        r")"
        rf"(?:\s+(?P<ps>{_ci(alternation(d.get('per_share_after', ())) + LETTER_AFTER)}))?"
    )
    glue = alternation(d.get("per_share_glue", ()))
    last_words = sorted({key(p).split()[-1] for p in d.get("per_share_before", ())})
    before = re.compile(
        _ci(rf"{LETTER_BEFORE}{alternation(d.get('per_share_before', ()))}\s*(?:{glue}\s*)?$")
    )
    return _Grammar(
        lex=lex,
        rx=re.compile(rx),
        words=MappingProxyType(words),
        subunits=MappingProxyType(subunits),
        range_and=frozenset(key(w) for w in d.get("range_and", ())),
        per_share_before=before,
        per_share_words=re.compile("|".join(map(re.escape, last_words)) or "(?!)"),
        currency_memo={},
    )


def _currency(text: str | None, g: _Grammar) -> tuple[str, int] | None:
    """(ISO code, subunit power of ten) of a currency as written, or None."""
    if text is None:
        return None
    found = g.currency_memo.get(text, _MISSING)
    if found is _MISSING:
        found = g.currency_memo[text] = _read_currency(text, g)
    return found  # type: ignore[return-value]


_MISSING = object()


def _read_currency(text: str, g: _Grammar) -> tuple[str, int] | None:
    iso = SYMBOLS.get(text) or SYMBOLS.get(" ".join(text.split()))
    if iso is not None:
        return iso, 0
    k = key(text)
    if k in g.words:
        return g.words[k], 0
    if k in g.subunits:
        return g.subunits[k]
    if text in codes():
        return text, 0
    return None


class _Side(NamedTuple):
    number: Decimal
    mult: int | None  # power of ten of the multiplier written on this side
    currency: tuple[str, int] | None
    end: int


_BAD = object()  # a currency was written but is not one we know


_SIDE_GROUPS = {k: tuple(f"{n}{k}" for n in "dwamps") for k in "12"}


def _side(m: re.Match[str], k: str, g: _Grammar, scaled_hint: bool) -> _Side | None | object:
    """One end of an amount; None if it has no number, ``_BAD`` if it cannot be money."""
    names = _SIDE_GROUPS[k]
    digits, words, article, mult_text, pre, suf = m.group(*names)
    words = words or article
    if digits is None and words is None:
        return None
    mult = g.lex.multipliers[key(mult_text)] if mult_text is not None else None
    number = g.lex.number_value(digits, words, scaled=mult is not None or scaled_hint)
    if number is None:
        return _BAD
    cur = None
    for written in (pre, suf):
        if written is not None:
            found = _currency(written, g)
            if found is None or (cur is not None and found[0] != cur[0]):
                return _BAD
            cur = cur or found
    # the end of the currency, or of the last of number and multiplier (-1 if not matched)
    end = m.end(names[5]) if suf is not None else max(map(m.end, names[:4]))
    return _Side(number, mult, cur, end)


_POWERS = {n: Decimal(10) ** n for n in range(-6, 19)}


def _scale(n: int) -> Decimal:
    return _POWERS.get(n) or Decimal(10) ** n


def _units(side: _Side, mult: int | None, cur: tuple[str, int]) -> Decimal:
    return side.number * _scale((mult or 0) - cur[1])


_TOP = ("ap", "vq", "vs", "vm", "vc", "bp", "bc", "op", "to", "m2", "ps")


def _money(m: re.Match[str], g: _Grammar) -> tuple[int, Money, bool] | None:
    """(end, Money, per_share) of a match, or None if it is not money after all."""
    ap, vq, vs, vm, vc, bp, bc, op, to, m2, ps = m.group(*_TOP)
    per_share = ps is not None
    lex = g.lex
    if vq is not None or bp is not None:
        return _vague(m, g, vq, vs, vm, vc, bp, bc, per_share)

    if to is None and m.group("p1") is None and m.group("s1") is None:
        # a number without a currency ("4.800 Beschäftigte"), and no second side to take it
        # from: not money (``_side`` would read the number only for that)
        return None
    one = _side(m, "1", g, scaled_hint=m2 is not None)
    if not isinstance(one, _Side):
        return None
    two = _side(m, "2", g, scaled_hint=False) if to is not None else None
    if two is _BAD:
        two = None
    if isinstance(two, _Side):
        ok = (
            (op is not None or key(to) not in g.range_and)  # "und"/"and" only after "zwischen"
            and (two.mult is not None or two.currency is not None)
            and (one.currency is None or two.currency is None or one.currency == two.currency)
        )
        cur = two.currency or one.currency
        if ok and cur is not None:
            high = _units(two, two.mult, cur)
            low = _units(one, one.mult if one.mult is not None else two.mult, cur)
            if low > high and one.mult is None:
                low = _units(one, None, cur)
            if low <= high:
                low, high = clean(low), clean(high)
                value = clean((low + high) / _TWO)
                return m.end(), _make(value, cur[0], m.group(), True, low, high), per_share
        # not a range: the first amount alone, without the range opener
        if op is not None:
            return None
        per_share = False
    elif op is not None:
        return None
    if one.currency is None:
        return None
    end = one.end if to is not None else m.end()
    value = clean(_units(one, one.mult, one.currency))
    text = m.string[m.start() : end]
    bound = lex.approximators.get(key(ap)) if ap is not None else None
    if bound is None:
        return end, _make(value, one.currency[0], text), per_share
    low = value if bound == "low" else None
    high = value if bound == "high" else None
    return end, _make(value, one.currency[0], text, True, low, high), per_share


def _vague(
    m: re.Match[str],
    g: _Grammar,
    vq: str | None,
    vs: str | None,
    vm: str | None,
    vc: str | None,
    bp: str | None,
    bc: str | None,
    per_share: bool,
) -> tuple[int, Money, bool] | None:
    """ "Hunderte Milliarden Dollar", "mehrere hundert Millionen Euro", "billions of dollars"."""
    lex = g.lex
    cur = _currency(vc if vq is not None else bc, g)
    if cur is None:
        return None
    if vq is not None:
        lo, hi = lex.vague[key(vq)]
        mult = lex.multipliers[key(vm)] - cur[1]  # type: ignore[arg-type]
        if vs is not None:
            scale = _scale(lex.vague_scales[key(vs)])
            low, high = lo * scale, (hi + 1) * scale - 1
        else:
            low, high = Decimal(lo), Decimal(hi)
    else:
        low_f, high_f = lex.bare_plural[key(bp)]  # type: ignore[arg-type]
        mult = lex.multipliers[key(bp)] - cur[1]  # type: ignore[arg-type]
        low, high = Decimal(low_f), Decimal(high_f)
    low, high = clean(low * _scale(mult)), clean(high * _scale(mult))
    return m.end(), _make(low, cur[0], m.group(), True, low, high), per_share


def _make(
    value: Decimal,
    currency: str,
    text: str,
    approximate: bool = False,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Money:
    return Money(
        value=value, currency=currency, text=text, approximate=approximate, low=low, high=high
    )


def iter_amounts(
    text: str, lang: str = "de", starts: Sequence[int] | None = None
) -> Iterator[Amount]:
    """Every amount of money in ``text``, left to right, not overlapping.

    Offsets index ``text``; pass it through ``_text.plain`` first (``parse_money`` does;
    the spaCy component maps offsets back). ``starts`` are the offsets where an amount may
    begin (``eventx.normalize.scan``); computed here when not given.
    """
    g = _grammar(lang)
    if starts is None:
        starts = scan(text, lang).money
    match = g.rx.match
    pos = 0
    for at in starts:
        if at < pos:
            continue
        m = match(text, at)
        if m is None:
            continue
        found = _money(m, g)
        if found is None:
            continue
        end, money, per_share = found
        yield Amount(at, end, money, per_share)
        pos = end


def parse_money(text: str, lang: str = "de") -> Money | None:
    """The first amount of money in ``text`` as ``Money``, or None.

    "2,04 Milliarden Dollar" -> Money(value=2040000000, currency="USD");
    "Hunderte Milliarden Dollar" -> approximate, low 100 bn, high 999 bn.
    See the module docstring for the conventions. Results are cached.
    """
    return _parse_money(check_text(text), lang)


@lru_cache(maxsize=CACHE_SIZE)
def _parse_money(text: str, lang: str) -> Money | None:
    text = plain(text)
    g = _grammar(lang)
    # most inputs are the amount itself: try where the text starts before scanning it
    first = len(text) - len(text.lstrip())
    m = g.rx.match(text, first)
    if m is not None and (found := _money(m, g)) is not None:
        return found[1]
    for amount in iter_amounts(text, lang, [at for at in scan(text, lang).money if at != first]):
        return amount.money
    return None


def per_share_before(text: str, start: int, lang: str = "de") -> bool:
    """Whether the amount starting at ``start`` in ``text`` follows a per-share phrase
    ("Dividende je Aktie von 1,10 Euro", "EPS of $2.31")."""
    g = _grammar(lang)
    begin = max(0, start - 40)
    # most amounts follow none of the phrases: a search for their last words (as plain
    # substrings) is cheaper than the pattern
    if g.per_share_words.search(text[begin:start].lower()) is None:
        return False
    return g.per_share_before.search(text, begin, start) is not None


@cache
def vocab(lang: str) -> Vocab:
    """How amounts look to the scanner of ``eventx.normalize.scan``."""
    g = _grammar(lang)
    lex = g.lex
    d = data(lang, "money")
    marks = [s for s in SYMBOLS if not s[0].isalnum()]
    named = [s for s in SYMBOLS if s[0].isalnum()]  # "US$", "HK$", "Fr."
    leads = chain(
        lex.approximators,
        lex.vague,
        lex.bare_plural,
        lex.articles,
        lex.words,
        d.get("range_open", ()),
        named,
    )
    follows = chain(
        lex.approximators,
        lex.vague,
        lex.bare_plural,
        lex.vague_scales,
        lex.multipliers,
        lex.articles,
        lex.words,
        g.words,
        g.subunits,
        SYMBOLS,
        d.get("connectors", ()),
        d.get("range_open", ()),
        d.get("range_and", ()),
        d.get("range_to", ()),
        d.get("per_share_after", ()),
        ("-",),
    )
    number_word = re.compile(lex.words_rx).fullmatch
    articles = frozenset(lex.articles)  # "über eine Milliarde": look past the article
    return Vocab(
        starts=frozenset(first_token(s) for s in marks),
        leads=frozenset(first_token(p) for p in leads),
        follows=tokens(follows) - articles,
        words=lambda token: number_word(token) is not None,
        exact=codes().__contains__,
        skips=articles,
    )
