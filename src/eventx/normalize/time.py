"""parse_horizon and parse_event_date. Placeholder of the foundation."""

from __future__ import annotations

import re
from datetime import date

from ..schema import Horizon

_WORDS = {"zwölf": 12, "twelve": 12, "sechs": 6, "six": 6, "achtzehn": 18, "eighteen": 18}
_DUR = re.compile(r"(\d+|zwölf|twelve|sechs|six|achtzehn|eighteen)\s+(monat|month|jahr|year)", re.I)
_MONTHS = {"januar": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
           "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
           "october": 10, "december": 12}


def parse_horizon(text: str, lang: str = "de", published: date | None = None) -> Horizon | None:
    """Parse one horizon expression ("innerhalb der nächsten zwölf Monate") into ``Horizon``."""
    m = _DUR.search(text)
    if not m:
        return None
    n = _WORDS.get(m[1].lower()) or int(m[1])
    unit = "M" if m[2].lower() in ("monat", "month") else "Y"
    return Horizon(text=text, duration=f"P{n}{unit}")


def parse_event_date(text: str, lang: str = "de", published: date | None = None) -> date | None:
    """Parse an event date ("im Juni", "am 31. Juli") against ``published``; None if unresolvable."""
    m = re.search(r"\b(" + "|".join(_MONTHS) + r")\b", text, re.I)
    if not m or published is None:
        return None
    month = _MONTHS[m[1].lower()]
    year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1)
