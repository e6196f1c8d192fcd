"""eventx: typed financial events from German and English business news.

>>> import eventx
>>> events = eventx.extract(text, published="2025-07-31")   # doctest: +SKIP
"""

from ._version import __version__
from .api import Article, Extractor, extract, extract_many, load
from .display import EventList, show
from .errors import EventxError, InvalidInputError, UnsupportedLanguageError
from .explanations import Explanation, Reading, explain
from .normalize import parse_horizon, parse_money
from .render import render
from .schema import (
    Company,
    Event,
    Evidence,
    Horizon,
    Money,
    Percent,
    json_schema,
)


def to_frame(events):  # type: ignore[no-untyped-def]
    """A pandas DataFrame with one row per event (needs the ``pandas`` extra)."""
    from .frame import to_frame as _to_frame

    return _to_frame(events)


__all__ = [
    "Article",
    "Company",
    "Event",
    "EventList",
    "EventxError",
    "Evidence",
    "Explanation",
    "Extractor",
    "Horizon",
    "InvalidInputError",
    "Money",
    "Percent",
    "Reading",
    "UnsupportedLanguageError",
    "__version__",
    "explain",
    "extract",
    "extract_many",
    "json_schema",
    "load",
    "parse_horizon",
    "parse_money",
    "render",
    "show",
    "to_frame",
]
