"""Currency symbols and ISO 4217 codes: the same in every language.

Symbols map to ISO codes here; currency *words* ("Franken", "pounds") are language data in
``lang/<lang>/money.toml``. The list of ISO codes comes from price-parser, so a code such as
"PLN" or "ZAR" is recognised without listing it here.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

__all__ = ["SYMBOLS", "codes"]

#: symbol as written -> ISO 4217. A bare "$" is the US dollar, "¥" the yen, "kr" is missing
#: on purpose (Swedish, Norwegian, Danish, Icelandic crowns).
SYMBOLS = MappingProxyType(
    {
        "$": "USD",
        "US$": "USD",
        "U.S.$": "USD",
        "US $": "USD",
        "€": "EUR",
        "£": "GBP",
        "¥": "JPY",
        "￥": "JPY",
        "JP¥": "JPY",
        "CN¥": "CNY",
        "RMB": "CNY",
        "C$": "CAD",
        "CA$": "CAD",
        "CAN$": "CAD",
        "A$": "AUD",
        "AU$": "AUD",
        "AUS$": "AUD",
        "NZ$": "NZD",
        "HK$": "HKD",
        "S$": "SGD",
        "SG$": "SGD",
        "NT$": "TWD",
        "R$": "BRL",
        "MX$": "MXN",
        "₹": "INR",
        "₩": "KRW",
        "₽": "RUB",
        "₺": "TRY",
        "₪": "ILS",
        "₦": "NGN",
        "₴": "UAH",
        "฿": "THB",
        "₫": "VND",
        "zł": "PLN",
        "Kč": "CZK",
        "Fr.": "CHF",
        "SFr.": "CHF",
        "sFr.": "CHF",
    }
)

# Three capital letters that are codes in price-parser's table but far more often an English
# word in capitals, or not an ISO 4217 code at all.
_NOT_CODES = frozenset({"ALL", "TOP", "AFL", "VAL", "USN", "NTD", "RMB"})


@cache
def codes() -> frozenset[str]:
    """ISO 4217 codes recognised when written in capitals next to an amount ("SEK 3 Mrd.")."""
    from price_parser.parser import CURRENCY_CODES

    return (
        frozenset(c for c in CURRENCY_CODES if len(c) == 3 and c.isalpha() and c.isupper())
        - _NOT_CODES
    )
