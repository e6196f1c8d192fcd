"""Numbers in text: digits with locale separators, multipliers, number words.

Foundation placeholder: digits and a few number words.
"""

from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$|^\d+$")


def parse_number(text: str, lang: str = "de") -> Decimal | None:
    """The number ``text`` denotes, or None."""
    t = text.strip()
    if _DIGITS.match(t):
        return Decimal(re.sub(r"[.,\s]", "", t))
    try:
        from text_to_num import text2num

        return Decimal(text2num(t.lower(), lang))
    except (ValueError, IndexError):
        return None


def parse_count(text: str, lang: str = "de") -> int | None:
    """A whole count ("2.500", "3,000", "zwölf"), or None."""
    n = parse_number(text, lang)
    return int(n) if n is not None and n == int(n) else None
