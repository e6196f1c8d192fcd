"""eventx: typed financial events from German and English business news.

>>> import eventx
>>> events = eventx.extract(text, published="2025-07-31")   # doctest: +SKIP
"""

from .api import Article, Extractor, extract, extract_many, load
from .errors import EventxError, InvalidInputError, UnsupportedLanguageError
from .normalize import parse_horizon, parse_money
from .schema import (
    Company,
    Event,
    Evidence,
    Horizon,
    Money,
    Percent,
    json_schema,
)

__version__ = "0.1.0"


def to_frame(events):  # type: ignore[no-untyped-def]
    """A pandas DataFrame with one row per event (needs the ``pandas`` extra)."""
    from .frame import to_frame as _to_frame

    return _to_frame(events)


__all__ = [
    "Article",
    "Company",
    "Event",
    "EventxError",
    "Evidence",
    "Extractor",
    "Horizon",
    "InvalidInputError",
    "Money",
    "Percent",
    "UnsupportedLanguageError",
    "__version__",
    "extract",
    "extract_many",
    "json_schema",
    "load",
    "parse_horizon",
    "parse_money",
    "to_frame",
]
