"""Reporting periods: "Q2" / "zweites Quartal" / "FY" -> "Q2 2025" / "2025".

The event data names the period as written or as a short form ("Q2", "H1", "9M", "FY");
``normalize_period`` gives it its year: the year written in the same sentence, else the one
implied by the publication date: for reported figures (``past=True``) the latest such
period that has ended by publication, for forecasts the current or next one. Without a year
in the text and without a publication date the short form stays as it is.

Output forms: "Q2 2025", "H1 2025", "9M 2025", "2025", "2024/25" (fiscal years as written).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["normalize_period"]

_SHORT = re.compile(r"^(?P<p>[QH][1-4]|9M|FY)$", re.I)
_WITH_YEAR = re.compile(r"^(?P<p>[QH][1-4]|9M)\s?(?:FY)?\s?/?\s?(?P<y>(?:19|20)?\d{2})$", re.I)
_FY_YEAR = re.compile(r"^(?:FY|GJ)\s?(?P<y>(?:19|20)?\d{2})$", re.I)
_YEAR = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<split>/\d{2,4})?$")
_YEAR_IN_TEXT = re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d{2})(?![\d.,]?\d)")
# last month of each period
_END_MONTH = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12, "9M": 9, "FY": 12}


def _full_year(y: str) -> int:
    n = int(y)
    return n if n >= 100 else 2000 + n


def _label(period: str, year: int) -> str:
    return str(year) if period == "FY" else f"{period} {year}"


def _from_published(period: str, published: date, past: bool) -> int:
    month = _END_MONTH[period]
    end = date(published.year, month, calendar.monthrange(published.year, month)[1])
    if past:
        # the latest period of this kind that has ended when the text appeared
        return published.year if end < published else published.year - 1
    return published.year if end >= published else published.year + 1


def normalize_period(
    value: str, context: str = "", published: date | None = None, *, past: bool = True
) -> str:
    """``value`` with its year: from a year written in ``context``, else from ``published``."""
    text = value.strip()
    if m := _WITH_YEAR.match(text):
        return _label(m["p"].upper(), _full_year(m["y"]))
    if m := _FY_YEAR.match(text):
        return str(_full_year(m["y"]))
    if _YEAR.match(text):
        return text
    m = _SHORT.match(text)
    if m is None:
        return text
    period = m["p"].upper()
    years = [int(y.group("y")) for y in _YEAR_IN_TEXT.finditer(context)]
    if published is not None:
        years = [y for y in years if abs(y - published.year) <= 2]
    if years:
        return _label(period, years[0])
    if published is None:
        return text
    return _label(period, _from_published(period, published, past))
