"""parse_money: one amount expression -> Money | None.

Placeholder of the foundation: decimal comma/point, Mio./Mrd./Millionen/Milliarden/bn/m,
Dollar/Euro/$/€, and "Hunderte Milliarden". Full coverage lives in the amounts work.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..schema import Money

_MULT = {
    "mio": 10**6, "mio.": 10**6, "millionen": 10**6, "million": 10**6, "m": 10**6, "mn": 10**6,
    "mrd": 10**9, "mrd.": 10**9, "milliarden": 10**9, "milliarde": 10**9, "billion": 10**9,
    "bn": 10**9,
}
_CUR = {"dollar": "USD", "$": "USD", "us-dollar": "USD", "euro": "EUR", "€": "EUR", "eur": "EUR",
        "usd": "USD"}
_RX = re.compile(
    r"(?P<pre>[$€])?\s*(?P<num>\d+(?:[.,]\d+)?|hunderte|hundreds of)\s*(?P<mult>[a-zA-Z.]+)?\s*(?P<cur>[A-Za-z€$-]+)?",
    re.I,
)


def parse_money(text: str, lang: str = "de") -> Money | None:
    """Parse one amount expression ("2,04 Milliarden Dollar", "$2.04bn") into ``Money``."""
    m = _RX.search(text)
    if not m:
        return None
    cur = _CUR.get((m["pre"] or m["cur"] or "").lower())
    if cur is None:
        return None
    num = m["num"].lower()
    mult = _MULT.get((m["mult"] or "").lower(), 1)
    if num in ("hunderte", "hundreds of"):
        return Money(value=Decimal(100) * mult, currency=cur, text=text, approximate=True,
                     low=Decimal(100) * mult, high=Decimal(999) * mult)
    if lang == "de":
        num = num.replace(".", "").replace(",", ".")
    else:
        num = num.replace(",", "")
    return Money(value=Decimal(num) * mult, currency=cur, text=text)
