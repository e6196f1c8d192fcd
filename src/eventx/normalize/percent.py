"""parse_percent: "12,5 %" -> Percent(12.5). Placeholder of the foundation."""

from __future__ import annotations

import re
from decimal import Decimal

from ..schema import Percent

_RX = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|prozent|percent|per cent)\b", re.I)


def parse_percent(text: str, lang: str = "de") -> Percent | None:
    """Parse one percentage expression into ``Percent``."""
    m = _RX.search(text)
    if not m:
        return None
    return Percent(value=Decimal(m[1].replace(",", ".")), text=text)
