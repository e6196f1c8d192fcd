"""parse_percent: one percentage expression -> ``Percent`` | None.

"12,5 %" -> 12.5, "12.5 percent" -> 12.5, "zwölf Prozent" -> 12, "-2,1 %" -> -2.1,
"51-prozentige Beteiligung" -> 51, "ein Zehntel der Belegschaft" -> 10 (fractions of a
whole, from ``[percent.fractions]`` in ``lang/<lang>/numbers.toml``).

Percentage points ("3 Prozentpunkte", "2 %-Punkte", "2 percentage points") and basis points
are differences of percentages, not percentages: they give None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from itertools import chain

from ..lang import data
from ..schema import Percent
from ._text import CACHE_SIZE, check_lang, check_text, key, plain
from .numbers import DIGITS, clean, lexicon
from .scan import Vocab, first_token, tokens
from .scan import starts as scan

__all__ = ["iter_percents", "parse_percent", "vocab"]


def pattern(lang: str) -> re.Pattern[str]:
    """The compiled percentage pattern of ``lang`` (built once)."""
    return _percent_rx(lang)


@cache
def _percent_rx(lang: str) -> re.Pattern[str]:
    lex = lexicon(check_lang(lang))
    return re.compile(
        rf"(?P<f>{lex.fraction_rx})"
        rf"|(?:(?P<sign>(?<![\w\d.,])[-−–+]\s?)|(?P<neg>{lex.negative_rx})\s+)?"
        rf"(?:(?P<d>{DIGITS})|(?P<w>{lex.words_rx}|{lex.article_rx}))"
        rf"\s*-?\s*(?P<u>{lex.percent_unit_rx})"
        rf"(?!{lex.percent_not_after_rx})"
    )


def iter_percents(
    text: str, lang: str = "de", starts: Sequence[int] | None = None
) -> Iterator[tuple[int, int, Percent]]:
    """Every percentage in ``text``: ``(start, end, Percent)``, offsets into ``text``.

    ``starts`` are the offsets where a percentage may begin (``eventx.normalize.scan``);
    computed here when not given.
    """
    match = _percent_rx(lang).match
    lex = lexicon(lang)
    if starts is None:
        starts = scan(text, lang).percent
    pos = 0
    for at in starts:
        if at < pos or (m := match(text, at)) is None:
            continue
        fraction, digits, words, sign, negative = m.group("f", "d", "w", "sign", "neg")
        if fraction is not None:
            yield at, m.end(), Percent(value=lex.fractions[key(fraction)], text=m.group())
            pos = m.end()
            continue
        value = lex.number_value(digits, words, scaled=True)
        if value is None:
            continue
        if negative or (sign and sign.strip() in "-−–"):
            value = -value
        yield at, m.end(), Percent(value=clean(value), text=m.group())
        pos = m.end()


def parse_percent(text: str, lang: str = "de") -> Percent | None:
    """The first percentage in ``text`` ("12,5 %" -> ``Percent(value=Decimal("12.5"))``),
    or None when there is none (percentage points and basis points are not percentages).
    Results are cached."""
    return _parse_percent(check_text(text), lang)


@lru_cache(maxsize=CACHE_SIZE)
def _parse_percent(text: str, lang: str) -> Percent | None:
    text = plain(text)
    # most inputs are the percentage itself: try where the text starts before scanning it
    for _, _, percent in iter_percents(text, lang, [len(text) - len(text.lstrip())]):
        return percent
    for _, _, percent in iter_percents(text, lang):
        return percent
    return None


_SIGNS = ("-", "−", "–", "+")


@cache
def vocab(lang: str) -> Vocab:
    """How percentages look to the scanner of ``eventx.normalize.scan``."""
    lex = lexicon(lang)
    units = data(lang, "numbers").get("percent", {}).get("units", ())
    number_word = re.compile(lex.words_rx).fullmatch
    return Vocab(
        starts=frozenset(),
        leads=frozenset(
            first_token(w)
            for w in chain(lex.articles, lex.words, lex.negative, _SIGNS, lex.fractions)
        ),
        follows=tokens(chain(units, lex.words, lex.fractions, ["%", "-"])),
        words=lambda token: number_word(token) is not None,
    )
