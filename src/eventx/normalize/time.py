"""parse_horizon and parse_event_date: time expressions -> ``Horizon`` / ``date`` | None.

Horizons
--------
- Durations: "innerhalb der nächsten zwölf Monate" -> P12M, "within 18 months" -> P18M,
  "über fünf Jahre" -> P5Y, "binnen eines Jahres" -> P1Y, "anderthalb Jahre" -> P18M
  (fractions of years become months), quarters count 3 months, half years 6, decades 10 years.
  With a publication date the deadline is publication + duration.
- Deadlines: "bis Ende 2026" -> 2026-12-31, "bis Ende März 2026" -> 2026-03-31,
  "im ersten Halbjahr 2026" -> 2026-06-30, "Q3 2026" -> 2026-09-30, "bis 2027" -> 2027-12-31,
  "bis zum 30. Juni 2026" -> 2026-06-30. A period without a position ends at its last day.
  Positions inside a period: "Ende"/"end" -> its last day; "Mitte"/"mid" -> the last day of
  its middle month (year -> 30 June, quarter -> end of its 2nd month, month -> the 15th);
  "Anfang"/"early" -> the last day of its first quarter (year -> 31 March, quarter -> end of
  its 1st month, month -> the 10th).
- Relative expressions ("bis Jahresende", "by the end of the third quarter", "im kommenden
  Jahr", "bis Ende März") resolve against ``published``: the year of publication (plus "next"
  etc.). After a deadline word ("bis", "by", "until") a period that has already ended at
  publication means the next one ("bis Ende März" written in July -> March of next year).
  Without ``published`` they keep their text and leave ``deadline`` None: never today's date.
- Fiscal years ("fiscal 2026", "FY26", "Geschäftsjahr 2025/26") are named after the calendar
  year in which they end; since a company's fiscal calendar is not known here, the deadline is
  31 December of that year, the latest day the fiscal year can end ("Geschäftsjahr 2025/26" ->
  2026-12-31). A quarter or half of a fiscal year resolves like the fiscal year.

Event dates
-----------
"im Juni" -> 1 June of the occurrence of June nearest to publication (written in July: this
June; "Anfang Juli" written in May: the coming July); "Anfang/Mitte/Ende Juni" -> the 1st/15th/last day; "am 31. Juli" -> the
31 July closest to publication (so a date announced for the coming days stays in the year);
"am Dienstag"/"on Tuesday" -> that weekday at or before publication ("last Friday" before it,
"next Monday" after it); "gestern"/"yesterday" -> the day before. Full dates ("31.07.2025",
"July 31, 2025", "2025-07-31") need no publication date.

dateparser is used only as a fallback for written-out absolute dates the patterns here do
not cover, with its relative-date parsers switched off: ``search_dates`` reads "zwölf Monate"
as the date twelve months ago, which is never what a horizon means.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from itertools import chain, compress, repeat
from operator import is_not
from types import MappingProxyType
from typing import Any

from ..errors import InvalidInputError
from ..lang import data
from ..schema import Horizon
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
from .numbers import DIGITS, Lexicon, lexicon
from .scan import Vocab, first_token, tokens
from .scan import starts as scan

__all__ = [
    "coerce_date",
    "date_vocab",
    "horizon_vocab",
    "iter_dates",
    "iter_horizons",
    "parse_event_date",
    "parse_horizon",
]

_YEAR = r"(?<![\d.,])(?:19|20)\d\d(?![\d])"
_YEAR_NUMERIC = r"(?:(?:19|20)\d\d|\d\d)(?![\d])"  # "31.07.25" is 2025
_FYEAR = r"(?:(?:19|20)\d\d(?:\s*/\s*(?:(?:19|20)?\d\d))?|\d\d(?:/\d\d)?)(?!\d)"
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_CODE = r"(?:Q[1-4]|[1-4]Q|H[12]|[12]H)"
_NO_LETTER_AFTER = r"(?![^\W\d_])"
_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_UNIT_MONTHS = {"M": 1, "Q": 3, "H": 6, "Y": 12, "X": 120}


def coerce_date(value: object) -> date | None:
    """``published`` as a ``date``: accepts a date, a datetime, an ISO 8601 string or None.

    Raises ``InvalidInputError`` (a ``ValueError``) naming the value otherwise.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InvalidInputError(
        f"invalid published value {value!r}: expected a date, a datetime or an ISO 8601 string"
    )


def _ci(rx: str) -> str:
    return f"(?i:{rx})"


def _words(items: Any) -> str:
    """Case-insensitive alternation of words or phrases, ending at a word boundary."""
    items = sorted({key(i) for i in items}, key=lambda w: (-len(w), w))
    if not items:
        return "(?!)"
    words = [w for w in items if w[-1].isalnum()]
    others = [w for w in items if not w[-1].isalnum()]  # "jan.", "gj."
    # letters only: "FY26", "Q3" and "3Q26" glue words to digits
    parts = [alternation(words) + _NO_LETTER_AFTER] if words else []
    if others:
        parts.append(alternation(others))
    return _ci(_NO_LETTER_BEFORE + "(?:" + "|".join(parts) + ")")


def _proper(items: Any) -> str:
    """Alternation of proper nouns as they are written: "Juni", "JUNI", "June" (not "may")."""
    forms = set()
    for w in items:
        forms |= {w[:1].upper() + w[1:], w.upper()}
    return LETTER_BEFORE + alternation(forms) + r"(?:(?<=\.)|" + LETTER_AFTER + ")"


@dataclass(frozen=True)
class _Grammar:
    lang: str
    lex: Lexicon
    horizon: re.Pattern[str]
    date: re.Pattern[str]
    bare_duration: re.Pattern[str]
    not_a_date: re.Pattern[str]
    deadline_lead: re.Pattern[str]
    date_lead: re.Pattern[str]
    deadline_leads: frozenset[str]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    weekday_relatives: Mapping[str, int]
    relative_days: Mapping[str, int]
    positions: Mapping[str, str]
    ordinals: Mapping[str, int]
    periods: Mapping[str, str]
    year_refs: Mapping[str, int]
    year_phrases: Mapping[str, int]
    compounds: Mapping[str, tuple[str, str]]
    units: Mapping[str, str]
    single_units: frozenset[str]
    mdy: bool


def _table(d: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    return MappingProxyType({key(k): v for k, v in d.get(name, {}).items()})


@cache
def grammar(lang: str) -> _Grammar:
    """The compiled horizon and date patterns of ``lang`` (built once)."""
    return _grammar(lang)


@cache
def _grammar(lang: str) -> _Grammar:
    lex = lexicon(check_lang(lang))
    d = data(lang, "time")
    t = {
        n: _table(d, n)
        for n in (
            "months",
            "weekdays",
            "weekday_relatives",
            "relative_days",
            "positions",
            "ordinals",
            "periods",
            "year_refs",
            "year_phrases",
            "units",
        )
    }
    compounds = MappingProxyType({key(k): (v[0], v[1]) for k, v in d.get("compounds", {}).items()})
    mdy = d.get("date_order", "dmy") == "mdy"

    month = _proper(t["months"])
    wd_suffix = alternation(d.get("weekday_suffixes", ()))
    day_sfx = (
        "(?:" + "|".join(re.escape(s) for s in d.get("day_suffixes", ())) + ")?"
        if d.get("day_suffixes")
        else ""
    )
    dm_glue = rf"(?:{_words(d['day_month_glue'])}\s+)?" if d.get("day_month_glue") else ""
    deadline = _words(d.get("deadline_leads", ()))
    fill = rf"(?:{_words(d.get('fillers', ()))}\s+)"
    pos = _words(t["positions"])
    ordinal = _ci(LETTER_BEFORE + alternation(t["ordinals"]) + r"(?:(?<=\.)|" + LETTER_AFTER + ")")
    period = _words(t["periods"])
    year_ref = _words(t["year_refs"])
    fiscal = _words(d.get("fiscal", ()))
    number = rf"(?:{DIGITS}|{lex.words_rx}|{lex.article_rx})"
    unit = _words(t["units"])

    def g(name: str, s: str) -> str:
        return f"(?P<{name}_{s}>"

    def full_date(s: str) -> str:
        """A day with a month (and maybe a year), in the language's orders, or numeric."""
        dmy = (
            rf"{g('day', s)}{_DAY}){day_sfx}\s*{dm_glue}{g('mon', s)}{month})"
            rf"(?:,?\s+{g('year', s)}{_YEAR}))?"
        )
        alts = [dmy]
        if mdy:
            mdy_rx = (
                rf"{g('mon2', s)}{month})\s+{g('day2', s)}{_DAY}){day_sfx}"
                rf"(?:,?\s+{g('year2', s)}{_YEAR}))?"
            )
            alts.insert(0, mdy_rx)
            num = rf"{g('nm', s)}{_MONTH_NUM})/{g('nd', s)}{_DAY})/{g('ny', s)}{_YEAR_NUMERIC})"
        else:
            num = (
                rf"{g('nd', s)}{_DAY})\.\s?{g('nm', s)}{_MONTH_NUM})\.\s?"
                rf"{g('ny', s)}{_YEAR_NUMERIC})"
            )
        iso = (
            rf"{g('iy', s)}{_YEAR})-{g('im', s)}0[1-9]|1[0-2])-"
            rf"{g('id', s)}0[1-9]|[12]\d|3[01])(?!\d)"
        )
        return "(?:" + "|".join([iso, num] + alts) + ")"

    def year_tail(s: str) -> str:
        """What may name the year after a period ("2026", "des kommenden Jahres")."""
        return (
            rf"(?:[\s/-]+{fill}?(?:{g('t_year', s)}{_YEAR})|{g('t_yref', s)}{year_ref})"
            rf"|{g('t_fy', s)}{fiscal})\s*{g('t_fyy', s)}{_FYEAR})))"
        )

    # Durations have their own leads and fillers. Every other shape shares one optional lead
    # in front ("bis zum", "im"): matching it once instead of once per shape keeps a failed
    # attempt cheap. Dates after a lead are deadlines only after a deadline lead ("bis März
    # 2026"; "im März 2026" is an event date): the conditional ``(?(lead)...)`` says so.
    period_lead = _words(d.get("period_leads", ()))
    prefix = rf"(?:(?:(?P<lead>{deadline})|(?P<plead>{period_lead}))\s+{fill}?)?"
    duration_lead = _words(d.get("duration_leads", ()))
    ahead = _words(d.get("duration_fillers", ()))
    shapes = {
        # "innerhalb der nächsten zwölf Monate", "within 18 months", "über fünf Jahre"
        # (the number may be left out only after "next"/"nächsten": "over the next decade")
        "dur": (
            rf"{g('lead', 'dur')}{duration_lead})\s+{fill}?"
            rf"(?:{g('next', 'dur')}{ahead})\s+)?"
            rf"(?(next_dur)(?:{g('num', 'dur')}{number})[\s-]*)?"
            rf"|{g('num2', 'dur')}{number})[\s-]*)"
            rf"{g('unit', 'dur')}{unit})"
        ),
        # "bis Ende des dritten Quartals 2026", "by the end of 2026", "Mitte nächsten Jahres"
        "pos": (
            rf"{g('pos', 'pos')}{pos})[\s-]*{fill}?"
            r"(?:"
            rf"{g('fy', 'pos')}{fiscal})\s*{g('fyy', 'pos')}{_FYEAR})"
            rf"|{g('ord', 'pos')}{ordinal})\s+{g('per', 'pos')}{period}){year_tail('pos')}?"
            rf"|{g('code', 'pos')}{_CODE})(?:[\s/-]*{g('cy', 'pos')}(?:19|20)?\d\d)(?!\d))?"
            rf"|{g('mon', 'pos')}{month})(?:\s+{g('year', 'pos')}{_YEAR}))?"
            rf"|{g('y', 'pos')}{_YEAR})"
            rf"|{g('yref', 'pos')}{year_ref})"
            r")"
        ),
        # "im ersten Halbjahr 2026", "in the third quarter of next year"
        "per": rf"{g('ord', 'per')}{ordinal})\s+{g('per', 'per')}{period}){year_tail('per')}?",
        # "Q3 2026", "im 3Q26", "H1/2026"
        "code": (
            rf"{LETTER_BEFORE}{g('code', 'code')}{_CODE})"
            rf"(?:[\s/-]*{g('cy', 'code')}(?:19|20)?\d\d)(?!\d)|{LETTER_AFTER})"
        ),
        # "im Geschäftsjahr 2025/26", "fiscal 2026", "FY26"
        "fy": rf"{g('fy', 'fy')}{fiscal})\s*{g('fyy', 'fy')}{_FYEAR})",
        # "bis Jahresende", "zur Jahresmitte 2026", "by year-end"
        "cmp": rf"{g('cmp', 'cmp')}{_words(compounds)})(?:\s+{g('y', 'cmp')}{_YEAR}))?",
        # after a deadline lead: "bis 2027", "bis März 2026", "bis zum 30. Juni 2026"
        "bis": (
            rf"(?(lead)(?:{full_date('bis')}"
            rf"|{g('bmon', 'bis')}{month})(?:\s+{g('y2', 'bis')}{_YEAR}))?"
            rf"|{g('y', 'bis')}{_YEAR}))|(?!))"
        ),
        # "im Laufe des Jahres", "later this year", "by next year"
        "yp": rf"{g('yp', 'yp')}{_words(t['year_phrases'])})",
    }
    duration = shapes.pop("dur")
    horizon = re.compile(
        f"(?P<dur>{duration})|{prefix}(?:"
        + "|".join(f"(?P<{n}>{rx})" for n, rx in shapes.items())
        + ")"
    )

    date_lead = _words(d.get("date_leads", ()))
    weekday = alternation(
        {w[:1].upper() + w[1:] for w in t["weekdays"]} | {w.upper() for w in t["weekdays"]}
    )
    weekday_lead = _words(d.get("weekday_leads", ()))
    weekday_rel = _words(t["weekday_relatives"])
    date_shapes = {
        # "am 31. Juli 2025", "on July 31", "31.07.2025", "2025-07-31"
        "full": rf"(?:{g('lead', 'full')}{date_lead})\s+)?{full_date('full')}",
        # "im Juni", "Ende Juni 2025", "June 2025", "mid-June"
        "mon": (
            rf"(?:{g('lead', 'mon')}{date_lead})|{g('pos', 'mon')}{pos}))[\s-]+{fill}?"
            rf"{g('mon', 'mon')}{month})(?:\s+{g('year', 'mon')}{_YEAR}))?"
            rf"|{g('mon2', 'mon')}{month})\s+{g('year2', 'mon')}{_YEAR})"
        ),
        # "am Dienstag", "on Tuesday", "last Friday", "Dienstagabend"
        "wd": (
            rf"(?:{weekday_lead}\s+)?(?:{g('rel', 'wd')}{weekday_rel})\s+)?"
            rf"{g('wd', 'wd')}{LETTER_BEFORE}{weekday})(?:{wd_suffix})?{LETTER_AFTER}"
        ),
        # "gestern", "yesterday"
        "rel": rf"{g('rd', 'rel')}{_words(t['relative_days'])})",
    }
    date_rx = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in date_shapes.items()))
    return _Grammar(
        lang=lang,
        lex=lex,
        horizon=horizon,
        date=date_rx,
        bare_duration=re.compile(rf"\s*{g('num', 'b')}{number})[\s-]*{g('unit', 'b')}{unit})\s*$"),
        not_a_date=re.compile(unit),
        deadline_lead=re.compile(rf"\s*{deadline}\s+"),
        date_lead=re.compile(rf"\s*{date_lead}\s+"),
        deadline_leads=frozenset(key(w) for w in d.get("deadline_leads", ())),
        months=t["months"],
        weekdays=t["weekdays"],
        weekday_relatives=t["weekday_relatives"],
        relative_days=t["relative_days"],
        positions=t["positions"],
        ordinals=t["ordinals"],
        periods=t["periods"],
        year_refs=t["year_refs"],
        year_phrases=t["year_phrases"],
        compounds=compounds,
        units=t["units"],
        single_units=frozenset(key(u) for u in d.get("single_units", ())),
        mdy=mdy,
    )


def _fields(m: re.Match[str], shape: str) -> dict[str, str]:
    """The named groups a match of ``shape`` set, without the shape suffix; the year after a
    period ("t_year" ...) is reported under the same names as a year elsewhere, and the
    shared lead of the horizon pattern as "lead"."""
    groups = _SHAPE_GROUPS.get((id(m.re), shape))
    if groups is None:
        groups = _SHAPE_GROUPS[(id(m.re), shape)] = _shape_groups(m.re, shape)
    names, shorts = groups
    values = m.group(*names) if len(names) > 1 else (m.group(names[0]),)
    return dict(compress(zip(shorts, values), map(is_not, values, repeat(None))))


# (id of a pattern, shape) -> its group names; the patterns are cached for good, so their
# ids are stable (hashing a compiled pattern would hash all of its code on every call)
_SHAPE_GROUPS: dict[tuple[int, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _shape_groups(rx: re.Pattern[str], shape: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    sfx = "_" + shape
    names = [n for n in rx.groupindex if n.endswith(sfx)]
    shorts = [n[2 : -len(sfx)] if n.startswith("t_") else n[: -len(sfx)] for n in names]
    for shared in ("lead", "plead"):
        if shared in rx.groupindex:
            names.append(shared)
            shorts.append("lead")
    return (*names,), (*shorts,)


# ---------------------------------------------------------------- calendar arithmetic


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _span(kind: str, n: int) -> tuple[int, int]:
    """(first month, number of months) of a period of a year."""
    if kind == "quarter":
        return 3 * n - 2, 3
    if kind == "half":
        return 6 * n - 5, 6
    if kind == "month":
        return n, 1
    return 1, 12


def _deadline(year: int, first: int, months: int, position: str | None) -> date:
    """The deadline a position in a period means (see the module docstring)."""
    if position in (None, "end"):
        return _last_day(year, first + months - 1)
    if months == 1:
        return date(year, first, 15 if position == "mid" else 10)
    index = -(-months // 2) if position == "mid" else -(-months // 4)
    return _last_day(year, first + index - 1)


def _current(kind: str, day: date) -> int:
    return (day.month - 1) // 3 + 1 if kind == "quarter" else (day.month - 1) // 6 + 1


def _two_digit_year(text: str) -> int:
    n = int(text)
    return n if n >= 100 else 2000 + n


def _fiscal_end_year(text: str) -> int:
    parts = [p.strip() for p in text.split("/")]
    if len(parts) == 1:
        return _two_digit_year(parts[0])
    first, last = parts
    start = _two_digit_year(first)
    if len(last) == 2:
        return start - start % 100 + int(last) + (100 if int(last) < start % 100 else 0)
    return int(last)


# ---------------------------------------------------------------- horizons


def _duration(number: Decimal, unit: str) -> str | None:
    if unit in ("D", "W"):
        return f"P{int(number)}{unit}" if number == int(number) and number > 0 else None
    months = number * _UNIT_MONTHS[unit]
    if months != int(months) or months <= 0:
        return None
    months = int(months)
    if unit in ("Y", "X") or (months % 12 == 0 and unit != "M"):
        return f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
    return f"P{months}M"


def _from_duration(
    text: str, f: dict[str, str], g: _Grammar, published: date | None
) -> Horizon | None:
    unit_word = key(f["unit"])
    num = f.get("num") or f.get("num2")
    if num is None:
        # "over the next decade", "innerhalb des nächsten Jahrzehnts": one unit
        if unit_word not in g.single_units:
            return None
        number = Decimal(1)
    else:
        digits = num if num[:1].isdigit() else None
        number = g.lex.number_value(digits, None if digits else num, scaled=False)
        if number is None:
            return None
    unit = g.units[unit_word]
    duration = _duration(number, unit)
    if duration is None:
        return None
    deadline = None
    if published is not None:
        if unit == "D":
            deadline = published + timedelta(days=int(number))
        elif unit == "W":
            deadline = published + timedelta(weeks=int(number))
        else:
            deadline = _add_months(published, int(number * _UNIT_MONTHS[unit]))
    return Horizon(text=text, duration=duration, deadline=deadline)


def _resolve_year(
    f: dict[str, str], g: _Grammar, published: date | None, year_key: str = "year"
) -> tuple[int | None, bool]:
    """(year, explicit): the year a period names, or None when it needs ``published``."""
    if year_key in f:
        return int(f[year_key]), True
    if "fyy" in f:
        return _fiscal_end_year(f["fyy"]), True
    if "yref" in f:
        if published is None:
            return None, True
        return published.year + int(g.year_refs[key(f["yref"])]), True
    if published is None:
        return None, False
    return published.year, False


def _horizon(m: re.Match[str], g: _Grammar, published: date | None) -> Horizon | None:
    """The Horizon of one match of the horizon pattern; None if it is not one after all."""
    shape = m.lastgroup or ""
    f = _fields(m, shape)
    text = m.group()
    if shape == "dur":
        return _from_duration(text, f, g, published)
    lead = key(f["lead"]) if "lead" in f else None
    is_deadline = lead in g.deadline_leads
    position = g.positions[key(f["pos"])] if "pos" in f else None
    year: int | None
    explicit = False
    if shape == "yp":
        year = published.year + int(g.year_phrases[key(f["yp"])]) if published else None
        return Horizon(text=text, deadline=date(year, 12, 31) if year else None)
    if shape == "cmp":
        if lead is None and "y" not in f:
            return None  # "seit Jahresbeginn" looks back; "bis/zum Jahresende" is a horizon
        position, kind = g.compounds[key(f["cmp"])]
        year, explicit = _resolve_year(f, g, published, "y")
        if kind == "year":
            first, months = 1, 12
        else:
            if published is None:
                return Horizon(text=text)
            first, months = _span(kind, _current(kind, published))
            year = year if explicit else published.year
    elif "fy" in f:
        year = _fiscal_end_year(f["fyy"])
        if position not in (None, "end"):
            return Horizon(text=text)
        return Horizon(text=text, deadline=date(year, 12, 31))
    elif "code" in f:
        code = f["code"].upper()
        kind = "quarter" if "Q" in code else "half"
        n = int(code.replace("Q", "").replace("H", ""))
        if "cy" not in f and lead is None and position is None:
            return None
        year, explicit = (
            (_two_digit_year(f["cy"]), True) if "cy" in f else _resolve_year({}, g, published)
        )
        first, months = _span(kind, n)
    elif "ord" in f:
        kind = g.periods[key(f["per"])]
        n = g.ordinals[key(f["ord"])]
        if kind == "half" and n > 2:
            return None
        first, months = _span(kind, n)
        year, explicit = _resolve_year(f, g, published)
    elif "day" in f or "day2" in f or "nd" in f or "id" in f:
        return Horizon(text=text, deadline=_full_date(f, g, published, prefer_future=True))
    elif "mon" in f or "bmon" in f:
        if shape == "pos" and lead is None:
            return None  # "Ende Juni" alone is an event date, not a horizon
        first, months = _span("month", g.months[key(f.get("mon") or f["bmon"])])
        year, explicit = _resolve_year(f, g, published, "y2" if shape == "bis" else "year")
    elif "y" in f:
        first, months = 1, 12
        year, explicit = int(f["y"]), True
    elif "yref" in f:
        first, months = 1, 12
        year, explicit = _resolve_year(f, g, published)
    else:  # pragma: no cover - every shape sets one of the fields above
        return None
    if year is None:
        return Horizon(text=text)
    try:
        deadline = _deadline(year, first, months, position)
    except ValueError:
        return None
    if not explicit and is_deadline and published is not None and deadline < published:
        deadline = _deadline(year + 1, first, months, position)
    return Horizon(text=text, deadline=deadline)


def iter_horizons(
    text: str,
    lang: str = "de",
    published: date | None = None,
    starts: Sequence[int] | None = None,
) -> Iterator[tuple[int, int, Horizon]]:
    """Every horizon in ``text``: ``(start, end, Horizon)``, left to right, not overlapping.

    ``starts`` are the offsets where a horizon may begin (``eventx.normalize.scan``);
    computed here when not given.
    """
    g = _grammar(lang)
    published = coerce_date(published)
    if starts is None:
        starts = scan(text, lang).horizon
    match = g.horizon.match
    pos = 0
    for at in starts:
        if at < pos or (m := match(text, at)) is None:
            continue
        h = _horizon(m, g, published)
        if h is None:
            continue
        yield at, m.end(), h
        pos = m.end()


def parse_horizon(text: str, lang: str = "de", published: date | None = None) -> Horizon | None:
    """The horizon ``text`` states, or None.

    "innerhalb der nächsten zwölf Monate" -> Horizon(duration="P12M"); "bis Ende 2026" ->
    Horizon(deadline=2026-12-31); "bis Jahresende" -> deadline 31 December of the year of
    ``published`` (a date, datetime or ISO string), or no deadline without it. See the module
    docstring for the conventions. Results are cached.
    """
    return _parse_horizon(check_text(text), lang, coerce_date(published))


@lru_cache(maxsize=CACHE_SIZE)
def _parse_horizon(text: str, lang: str, published: date | None) -> Horizon | None:
    text = plain(text)
    g = _grammar(lang)
    # most inputs are the horizon itself: try where the text starts before scanning it
    for _, _, horizon in iter_horizons(text, lang, published, [len(text) - len(text.lstrip())]):
        return horizon
    for _, _, horizon in iter_horizons(text, lang, published):
        return horizon
    m = g.bare_duration.match(text)
    if m is not None:
        return _from_duration(text.strip(), _fields(m, "b"), g, published)
    lead = g.deadline_lead.match(text)
    if lead is not None and any(ch.isdigit() for ch in text):
        day = _dateparser_date(text[lead.end() :], lang, published, prefer="future")
        if day is not None:
            return Horizon(text=text.strip(), deadline=day)
    return None


# ---------------------------------------------------------------- event dates


class _Unresolved(Exception):
    """A date expression that needs a publication date it does not have."""


def _closest(month: int, day: int, published: date | None) -> date | None:
    if published is None:
        raise _Unresolved
    best: date | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - published).days) < abs((best - published).days):
            best = cand
    return best


def _full_date(
    f: dict[str, str], g: _Grammar, published: date | None, prefer_future: bool = False
) -> date | None:
    """A day-and-month date; raises ``_Unresolved`` when the year is missing and unknown."""
    try:
        if "id" in f:
            return date(int(f["iy"]), int(f["im"]), int(f["id"]))
        if "nd" in f:
            return date(_two_digit_year(f["ny"]), int(f["nm"]), int(f["nd"]))
        if "day2" in f:
            day, month, year = int(f["day2"]), g.months[key(f["mon2"])], f.get("year2")
        else:
            day, month, year = int(f["day"]), g.months[key(f["mon"])], f.get("year")
        if year is not None:
            return date(int(year), month, day)
    except ValueError:
        return None
    if prefer_future:
        if published is None:
            return None
        for y in (published.year, published.year + 1):
            try:
                cand = date(y, month, day)
            except ValueError:
                continue
            if cand >= published:
                return cand
        return None
    return _closest(month, day, published)


def _event_date(m: re.Match[str], g: _Grammar, published: date | None) -> date | None:
    shape = m.lastgroup or ""
    f = _fields(m, shape)
    try:
        if shape == "full":
            return _full_date(f, g, published)
        if shape == "mon":
            month = g.months[key(f.get("mon") or f["mon2"])]
            year_text = f.get("year") or f.get("year2")
            if year_text is not None:
                year = int(year_text)
            elif published is None:
                return None
            else:
                # the occurrence of that month nearest to publication: "im Juni" written in
                # July is last June, "Anfang Juli" written in May the coming July
                year = min(
                    (published.year - 1, published.year, published.year + 1),
                    key=lambda y: abs((y - published.year) * 12 + month - published.month),
                )
            position = g.positions[key(f["pos"])] if "pos" in f else "start"
            if position == "end":
                return _last_day(year, month)
            return date(year, month, 15 if position == "mid" else 1)
        if published is None:
            return None
        if shape == "wd":
            name = f["wd"].lower()
            wd = next(v for k, v in g.weekdays.items() if name.startswith(k))
            rel = int(g.weekday_relatives[key(f["rel"])]) if "rel" in f else 0
            back = (published.weekday() - wd) % 7
            if rel > 0:
                return published + timedelta(days=(wd - published.weekday()) % 7 or 7)
            if rel < 0 and back == 0:
                back = 7
            return published - timedelta(days=back)
        if shape == "rel":
            return published + timedelta(days=int(g.relative_days[key(f["rd"])]))
    except _Unresolved:
        return None
    return None  # pragma: no cover


def iter_dates(
    text: str,
    lang: str = "de",
    published: date | None = None,
    starts: Sequence[int] | None = None,
) -> Iterator[tuple[int, int, date | None]]:
    """Every event-date expression in ``text``: ``(start, end, date or None)``.

    The date is None when the expression needs a publication date and ``published`` is None.
    ``starts`` are the offsets where a date may begin (``eventx.normalize.scan``).
    """
    g = _grammar(lang)
    published = coerce_date(published)
    if starts is None:
        starts = scan(text, lang).date
    match = g.date.match
    pos = 0
    for at in starts:
        if at < pos or (m := match(text, at)) is None:
            continue
        yield at, m.end(), _event_date(m, g, published)
        pos = m.end()


def parse_event_date(text: str, lang: str = "de", published: date | None = None) -> date | None:
    """The date an event happened on, as ``text`` states it, or None.

    "im Juni" -> 1 June of the publication year (or the year before if June is after the
    publication month), "am 31. Juli" -> that day, "on Tuesday" -> the Tuesday at or before
    ``published``. Relative expressions give None without ``published``; never today's date.
    Results are cached.
    """
    return _parse_event_date(check_text(text), lang, coerce_date(published))


@lru_cache(maxsize=CACHE_SIZE)
def _parse_event_date(text: str, lang: str, published: date | None) -> date | None:
    text = plain(text)
    g = _grammar(lang)
    found = False
    for _, _, day in iter_dates(text, lang, published):
        # "Tuesday, 29 July 2025": the first expression that resolves wins
        found = True
        if day is not None:
            return day
    if found:
        return None
    if (
        next(iter_horizons(text, lang, published), None) is not None
        or g.not_a_date.search(text) is not None
    ):
        return None  # "zwölf Monate", "bis Ende 2026": durations and horizons are not dates
    if not any(ch.isdigit() for ch in text):
        return None
    lead = g.date_lead.match(text)
    return _dateparser_date(text[lead.end() :] if lead else text, lang, published, prefer="past")


# ---------------------------------------------------------------- dateparser fallback

# Two far-apart stand-ins for the publication date: a result that depends on which one is
# used was resolved relative to it, and is discarded when there is no publication date.
_PROBES = (datetime(2001, 6, 15), datetime(2013, 2, 10))


def _dateparser_date(text: str, lang: str, published: date | None, prefer: str) -> date | None:
    """An absolute date written out in ``text`` (day and month required), via dateparser.

    Only dateparser's absolute parsers run, so durations ("zwölf Monate") and relative phrases
    never become dates; the base date is ``published`` or, without it, a probe that rejects
    anything relative.
    """
    if _grammar(lang).not_a_date.search(text):
        return None
    import dateparser

    def parse(base: datetime) -> date | None:
        settings = {
            "RELATIVE_BASE": base,
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month"],
            "PREFER_DATES_FROM": prefer,
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        found = dateparser.parse(text, languages=[lang], settings=settings)
        return found.date() if found is not None else None

    if published is not None:
        return parse(datetime(published.year, published.month, published.day))
    first, second = (parse(p) for p in _PROBES)
    return first if first is not None and first == second else None


# ---------------------------------------------------------------- scanner support


@cache
def horizon_vocab(lang: str) -> Vocab:
    """How horizons look to the scanner of ``eventx.normalize.scan``."""
    d = data(check_lang(lang), "time")
    compounds = [key(c) for c in d.get("compounds", {})]
    whole = [c for c in compounds if first_token(c) == c]  # "jahresende", "midyear"
    leads = chain(
        d.get("deadline_leads", ()),
        d.get("period_leads", ()),
        d.get("duration_leads", ()),
        d.get("positions", {}),
        d.get("ordinals", {}),
        d.get("fiscal", ()),
        compounds,
        d.get("year_phrases", {}),
        ("q", "h"),
    )
    follows = chain(
        d.get("deadline_leads", ()),
        d.get("period_leads", ()),
        d.get("duration_leads", ()),
        d.get("fillers", ()),
        d.get("duration_fillers", ()),
        d.get("positions", {}),
        d.get("ordinals", {}),
        d.get("periods", {}),
        d.get("year_refs", {}),
        d.get("year_phrases", {}),
        compounds,
        d.get("units", {}),
        d.get("fiscal", ()),
        d.get("months", {}),
        lexicon(lang).articles,
        ("q", "h", "-", "/"),
    )
    number_word = re.compile(lexicon(lang).words_rx).fullmatch
    # look past articles: "by the end", "within a year" (but not "in a statement")
    skips = tokens(d.get("fillers", ())) | lexicon(lang).articles
    return Vocab(
        starts=frozenset(whole),
        leads=frozenset(first_token(p) for p in leads) - frozenset(whole),
        follows=tokens(follows) - skips,
        words=lambda token: number_word(token) is not None,
        skips=skips,
        # a number begins a horizon only as an ordinal or in a code: "2. Quartal", "3Q26"
        digits=lambda token: 1 if token in ("1", "2", "3", "4") else 0,
    )


@cache
def date_vocab(lang: str) -> Vocab:
    """How event dates look to the scanner of ``eventx.normalize.scan``."""
    d = data(check_lang(lang), "time")
    weekdays = [key(w) for w in d.get("weekdays", {})]
    weekdays += [w + s for w in weekdays for s in d.get("weekday_suffixes", ())]
    leads = chain(
        d.get("date_leads", ()),
        d.get("positions", {}),
        d.get("months", {}),
        d.get("weekday_leads", ()),
        d.get("weekday_relatives", {}),
    )
    follows = chain(
        d.get("months", {}),
        weekdays,
        d.get("positions", {}),
        d.get("fillers", ()),
        d.get("weekday_relatives", {}),
        d.get("day_month_glue", ()),
        d.get("day_suffixes", ()),
        ("-", "/"),
    )
    return Vocab(
        starts=frozenset(weekdays) | frozenset(key(w) for w in d.get("relative_days", {})),
        leads=frozenset(first_token(p) for p in leads),
        follows=tokens(follows) - tokens(d.get("fillers", ())),
        skips=tokens(d.get("fillers", ())),
        digits=_date_number,
    )


def _date_number(token: str) -> int:
    """How a number can begin a date: a dotted date on its own ("31.07.2025"); a day before
    a month or a mark ("31. Juli", "7/31/2025", "29th"), the year of an ISO date before "-"."""
    if token.count(".") >= 2:
        return 2
    return 1 if len(token) <= 2 or (len(token) == 4 and token.isdigit()) else 0
