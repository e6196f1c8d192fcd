"""Numbers in German and English text: digits with locale separators, multipliers, words.

``parse_number("2,04 Mrd.", "de") == Decimal("2040000000")`` and
``parse_count("3,000 jobs", "en") == 3000``.

Separators. Thousands may be grouped with ".", ",", "'", "’", a space, NBSP or thin space;
the decimal mark is "," or ".". When both marks occur, the last one is the decimal mark
("1.234,5", "1,234.5"). A single "." or "," followed by exactly three digits is ambiguous:

- without a multiplier it groups thousands in both languages ("2.500 Stellen", "3,000 jobs"):
  news text rarely writes three decimals, but often copies foreign number formats;
- with a multiplier the language decides ("2,040 Mrd." is 2.04 bn in German, "1,500 billion"
  is 1500 bn in English); "0,125" is always a decimal.

Number words ("zwölf", "twenty-five", "zweihundertfünfzig") are read by text2num; fractions
it does not know ("anderthalb", "half a") and the indefinite article before a multiplier
("eine Milliarde", "a billion") come from ``lang/<lang>/numbers.toml``.

The regular-expression pieces built here (``Lexicon``) are shared by the money, percent and
time normalisers, so all of them read numbers the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from types import MappingProxyType

from ..lang import data
from ._text import LETTER_AFTER, LETTER_BEFORE, alternation, check_lang, check_text, key, plain

__all__ = ["DIGITS", "Lexicon", "lexicon", "parse_count", "parse_number"]

_GROUP_SEPS = ".,'’\u00a0\u2009\u202f "
#: a number written with digits; group 0 of a match is the whole number
DIGITS = (
    r"(?<![\d.,'’])(?:\d{1,3}(?:[.,'’\u00a0\u2009\u202f ]\d{3}){1,6}(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)
_SPACE_SEPS = frozenset("'’\u00a0\u2009\u202f ")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ONE_MARK = re.compile(r"(\d+)([.,])(\d+)")


@dataclass(frozen=True)
class Lexicon:
    """The number vocabulary of one language, with regex sources built from it."""

    lang: str
    decimal: str
    multipliers: Mapping[str, int]
    words: Mapping[str, Decimal]
    articles: frozenset[str]
    approximators: Mapping[str, str]
    vague: Mapping[str, tuple[int, int]]
    bare_plural: Mapping[str, tuple[int, int]]
    vague_scales: Mapping[str, int]
    negative: frozenset[str]
    #: number words, without the article ("zwölf", "twenty-five", "anderthalb")
    words_rx: str
    #: the indefinite article as the number 1
    article_rx: str
    multiplier_rx: str
    approximator_rx: str
    vague_rx: str
    bare_plural_rx: str
    vague_scale_rx: str
    negative_rx: str
    percent_unit_rx: str
    percent_not_after_rx: str
    #: fractions of a whole as percentages ("ein Zehntel" -> 10)
    fractions: Mapping[str, Decimal]
    fraction_rx: str

    def word_value(self, text: str) -> Decimal | None:
        """The value of a number word or phrase, or None if it is not one."""
        return _word_value(self.lang, key(text))

    def digits_value(self, text: str, scaled: bool = False) -> Decimal | None:
        """The value of a digit string, ``scaled`` when a multiplier follows it."""
        return digits_value(text, self.decimal, scaled)

    def number_value(self, digits: str | None, words: str | None, scaled: bool) -> Decimal | None:
        """The value of the digits or words a match found (exactly one of them is set)."""
        if digits is not None:
            return digits_value(digits, self.decimal, scaled)
        if words is not None:
            return _word_value(self.lang, key(words))
        return None


def _ci(rx: str) -> str:
    return f"(?i:{rx})"


@cache
def lexicon(lang: str) -> Lexicon:
    """The ``Lexicon`` of ``lang`` (built once from ``lang/<lang>/numbers.toml``)."""
    d = data(check_lang(lang), "numbers")
    words = {key(k): Decimal(str(v)) for k, v in d.get("words", {}).items()}
    articles = frozenset(key(a) for a in d.get("articles", ()))
    morph = alternation(d.get("morphemes", ()))
    if "and_after" in d:
        # English: words joined by spaces or hyphens, "and" only after hundred/thousand
        glue_and = "|".join(rf"(?<={re.escape(w)})\s+and\s+" for w in d["and_after"])
        word = rf"{morph}{LETTER_AFTER}"
        # at most eight words ("two hundred and fifty-three thousand four hundred"): a run
        # of number words ("ten ten ten ...") would otherwise start a number at every word
        # that runs to the end of the run
        number_words = rf"{word}(?:(?:[\s-]+|{glue_and}){word}){{0,7}}"
    else:
        # German: one word glued from pieces ("zweihundertfünfzig")
        number_words = f"{morph}+{LETTER_AFTER}"
    not_article = alternation(articles | {"und", "and"})
    words_rx = _ci(
        rf"{LETTER_BEFORE}(?:{alternation(words)}{LETTER_AFTER}"
        rf"|(?!{not_article}{LETTER_AFTER}){number_words})"
    )
    mult = {key(k): int(v) for k, v in d.get("multipliers", {}).items()}
    # a multiplier ending in "." carries its own boundary; others must end a word
    mult_rx = _ci(
        "(?:"
        + "|".join(
            re.escape(m) + ("" if m.endswith(".") else LETTER_AFTER)
            for m in sorted(mult, key=lambda m: (-len(m), m))
        )
        + ")"
    )
    pct = d.get("percent", {})
    units = [u for u in pct.get("units", ())]
    stems = [s for s in pct.get("unit_stems", ())]
    unit_rx = (
        "(?:"
        + "|".join(
            [
                re.escape(u)
                if u == "%"
                else alternation([u]) + ("" if u.endswith(".") else LETTER_AFTER)
                for u in sorted(units, key=len, reverse=True)
            ]
            + [alternation([s]) + r"\w*" for s in stems]
        )
        + ")"
    )

    def bounds(table: Mapping[str, list[int]]) -> Mapping[str, tuple[int, int]]:
        return MappingProxyType({key(k): (int(v[0]), int(v[1])) for k, v in table.items()})

    fractions = {key(k): Decimal(str(v)) for k, v in pct.get("fractions", {}).items()}
    approx = {key(k): str(v) for k, v in d.get("approximators", {}).items()}
    vague = bounds(d.get("vague", {}))
    bare = bounds(d.get("bare_plural", {}))
    scales = {key(k): int(v) for k, v in d.get("vague_scales", {}).items()}
    return Lexicon(
        lang=lang,
        decimal=d.get("decimal", "."),
        multipliers=MappingProxyType(mult),
        words=MappingProxyType(words),
        articles=articles,
        approximators=MappingProxyType(approx),
        vague=vague,
        bare_plural=bare,
        vague_scales=MappingProxyType(scales),
        negative=frozenset(key(w) for w in d.get("negative", ())),
        words_rx=words_rx,
        article_rx=_ci(rf"{LETTER_BEFORE}{alternation(articles)}{LETTER_AFTER}"),
        multiplier_rx=mult_rx,
        approximator_rx=_ci(
            LETTER_BEFORE
            + "(?:"
            + "|".join(
                alternation([a]) + ("" if a.endswith(".") else LETTER_AFTER)
                for a in sorted(approx, key=lambda a: (-len(a), a))
            )
            + ")"
        ),
        vague_rx=_ci(rf"{LETTER_BEFORE}{alternation(vague)}{LETTER_AFTER}"),
        bare_plural_rx=_ci(rf"{LETTER_BEFORE}{alternation(bare)}{LETTER_AFTER}"),
        vague_scale_rx=_ci(rf"{alternation(scales)}{LETTER_AFTER}"),
        negative_rx=_ci(rf"{LETTER_BEFORE}{alternation(d.get('negative', ()))}{LETTER_AFTER}"),
        percent_unit_rx=_ci(unit_rx),
        percent_not_after_rx=_ci(rf"\s*-?\s*{alternation(pct.get('not_after', ()))}(?![^\W\d_])"),
        fractions=MappingProxyType(fractions),
        fraction_rx=_ci(
            rf"{LETTER_BEFORE}{alternation(fractions)}{LETTER_AFTER}"
            rf"(?=\s+{alternation(pct.get('fraction_before', ()))}{LETTER_AFTER})"
        ),
    )


def digits_value(text: str, decimal: str = ".", scaled: bool = False) -> Decimal | None:
    """The value of a digit string with separators (see the module docstring for the rules).

    ``decimal`` is the language's decimal mark, used only for the ambiguous case of one
    separator before exactly three digits when ``scaled`` (a multiplier follows).
    """
    if text.isdigit():
        return Decimal(text)
    one = _ONE_MARK.fullmatch(text)
    if one is not None:
        # the common case, one "." or ",": the rules below for a single mark, read at once
        whole, mark, frac = one.groups()
        if len(frac) != 3 or whole == "0" or (scaled and mark == decimal):
            return _decimal(f"{whole}.{frac}")
        return _decimal(whole + frac)
    seps = [(i, c) for i, c in enumerate(text) if not c.isdigit()]
    if not seps or len(seps) == len(text):
        return None
    last_i, last_c = seps[-1]
    if len(seps) > 1 and any(c != last_c for _, c in seps):
        # "1.234,5" / "1,234.5" / "1 234,5": the last mark is the decimal one
        if last_c not in ".," or any(c == last_c for _, c in seps[:-1]):
            return None
        point = last_i
    elif last_c in _SPACE_SEPS:
        point = None
    elif len(seps) > 1:
        # "1.234.567": groups; "1.234.5": the last mark is a decimal one
        point = None if len(text) - last_i - 1 == 3 else last_i
    else:
        frac = text[last_i + 1 :]
        whole = text[:last_i]
        if len(frac) != 3 or whole == "0":
            point = last_i
        elif not scaled:
            point = None
        else:
            point = last_i if last_c == decimal else None
    if point is None:
        digits = "".join(ch for ch in text if ch.isdigit())
    else:
        whole = text[:point]
        if not whole.isdigit():  # group marks ("1.234,5"), or nothing (",5")
            whole = "".join(ch for ch in whole if ch.isdigit())
        digits = f"{whole or '0'}.{text[point + 1 :]}"
    return _decimal(digits)


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None


@lru_cache(maxsize=4096)
def _word_value(lang: str, word: str) -> Decimal | None:
    lex = lexicon(lang)
    if word in lex.words:
        return lex.words[word]
    if word in lex.articles:
        return Decimal(1)
    from text_to_num import text2num

    try:
        return Decimal(text2num(word, lang))
    except (ValueError, IndexError, KeyError):
        return None


def clean(value: Decimal) -> Decimal:
    """``value`` without a meaningless exponent: 1350000000.00 -> 1350000000, 1.10 -> 1.1."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


@cache
def _number_rx(lang: str) -> re.Pattern[str]:
    lex = lexicon(lang)
    return re.compile(
        rf"\s*(?:(?P<d>{DIGITS})|(?P<w>{lex.words_rx})|(?P<a>{lex.article_rx})(?=[\s-]*{lex.multiplier_rx}))"
        rf"(?:[\s-]*(?P<m>{lex.multiplier_rx}))?"
    )


def _number_at(text: str, lang: str) -> tuple[re.Match[str], Decimal] | None:
    m = _number_rx(lang).match(text)
    if m is None:
        return None
    lex = lexicon(lang)
    mult = m["m"]
    value = lex.number_value(m["d"], m["w"] or m["a"], scaled=mult is not None)
    if value is None:
        return None
    if mult is not None:
        value *= Decimal(10) ** lex.multipliers[key(mult)]
    return m, clean(value)


def parse_number(text: str, lang: str = "de") -> Decimal | None:
    """The number ``text`` is, or None: "2,04 Mrd." -> 2040000000, "zwölf" -> 12.

    ``text`` must be the number alone (digits or words, optionally with a multiplier).
    """
    text = plain(check_text(text))
    found = _number_at(text, lang)
    if found is None or text[found[0].end() :].strip():
        return None
    return found[1]


@cache
def _approx_rx(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{lexicon(lang).approximator_rx}\s+)?")


def parse_count(text: str, lang: str = "de") -> int | None:
    """A whole count of things, or None: "2.500 Stellen" -> 2500, "1,2 Millionen Aktien" ->
    1200000, "zwölf" -> 12, "rund 3,000 jobs" -> 3000.

    ``text`` starts with the number (an approximator such as "rund"/"about" may come first)
    and may go on with what is counted. None when the number is an amount of money or a
    percentage, is not whole, or is a bare year ("2025" alone).
    """
    text = plain(check_text(text))
    start = _approx_rx(lang).match(text).end()  # type: ignore[union-attr]  # always matches
    found = _number_at(text[start:], lang)
    if found is None:
        return None
    m, value = found
    rest = text[start + m.end() :]
    if value != value.to_integral_value() or value < 0:
        return None
    if not rest.strip() and m["d"] is not None and m["m"] is None and _YEAR.fullmatch(m["d"]):
        return None
    # an amount or a percentage is not a count
    from .money import iter_amounts
    from .percent import iter_percents

    end = start + m.end()
    for found_start, found_end, *_ in iter_amounts(text, lang):
        if found_start < end and found_end > start:
            return None
        break
    for p_start, p_end, _ in iter_percents(text, lang):
        if p_start < end and p_end > start:
            return None
        break
    return int(value)
