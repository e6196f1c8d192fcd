"""Pure string helpers for company names: legal forms, display names, match keys.

No spaCy here; these functions take a name as written and return a string. ``cleanco``
knows the legal forms of many countries; a few German and Swiss long forms
("Aktiengesellschaft", "SE & Co. KGaA") that it leaves alone are stripped in addition.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["display_name", "match_key", "strip_legal_form", "ticker_from_symbol"]

# Long forms cleanco does not remove, checked after each cleanco pass. Matched at the end of
# a name, case-insensitively, with an optional comma before them.
_EXTRA_FORMS = re.compile(
    r"(?:,?\s+(?:&\s*cie\.?|aktiengesellschaft|kommanditgesellschaft auf aktien|se\s*&\s*co\.?\s*kgaa|"
    r"ag\s*&\s*co\.?\s*kgaa|gmbh\s*&\s*co\.?\s*kgaa|kgaa|se|ag|s\.?p\.?a\.?|n\.?v\.?|s\.?a\.?|"
    r"inc\.?|corp\.?|ltd\.?|plc|co\.?))+\s*$",
    re.IGNORECASE,
)
# Wikipedia-style disambiguation in register names: "Puma (brand)", "Metso (2020–present)".
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_SPACES = re.compile(r"\s+")
# Yahoo exchange suffixes on register symbols ("SIE.DE", "HSBA.L", "AIR.PA.DE"); share
# classes ("BRK.B") are kept.
_EXCHANGE_SUFFIX = re.compile(r"\.(?:DE|F|L|PA|MC|ST|AS|HE|BR|SW|MI|T|CO|OL|VI|LS|IR|TO)$")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "’": "'", "‘": "'", "´": "'"})


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def strip_legal_form(name: str) -> str:
    """``name`` without trailing legal forms ("Siemens Aktiengesellschaft" -> "Siemens").

    Repeats until nothing more comes off ("KSB SE & Co. KGaA" -> "KSB"); never returns an
    empty string (a name that is only a legal form, "SCA", is kept as it is).
    """
    from cleanco import basename  # imported on first use: keeps ``import eventx`` light

    current = _normalise(name)
    for _ in range(4):
        shorter = _EXTRA_FORMS.sub("", current).strip(" ,")
        shorter = basename(shorter).strip(" ,") if shorter else shorter
        if not shorter or shorter == current:
            break
        current = shorter
    return current or _normalise(name)


def display_name(register_name: str) -> str:
    """The canonical display form of a register name: no legal form, no disambiguation.

    "Apple Inc." -> "Apple"; "Puma (brand)" -> "Puma"; "The Hershey Company" -> "Hershey";
    "Meta Platforms" and "The Trade Desk" stay.
    """
    plain = _normalise(_PARENTHESES.sub("", register_name))
    name = strip_legal_form(plain)
    if name != plain and name.startswith("The ") and len(name) > 4:
        name = name[4:]
    return name


def match_key(text: str) -> str:
    """A case- and legal-form-insensitive key: "APPLE INC." and "Apple" share "apple"."""
    return strip_legal_form(_PARENTHESES.sub("", text)).casefold()


def ticker_from_symbol(symbol: str | None) -> str | None:
    """The local ticker of a register symbol: "SIE.DE" -> "SIE", "AAPL" -> "AAPL"."""
    if not symbol or symbol == "-":
        return None
    previous = None
    while previous != symbol:
        previous, symbol = symbol, _EXCHANGE_SUFFIX.sub("", symbol)
    return symbol or None
