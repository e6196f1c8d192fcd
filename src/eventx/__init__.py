"""eventx: typed financial events from German and English business news.

>>> import eventx
>>> events = eventx.extract(text, published="2025-07-31")   # doctest: +SKIP
"""

from ._version import __version__
from .api import Article, Extractor, extract, extract_many, load
from .display import EventList, show
from .errors import EventxError, InvalidInputError, UnsupportedLanguageError
from .frame import extract_frame, to_frame
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
    "extract_frame",
    "extract_many",
    "json_schema",
    "load",
    "parse_horizon",
    "parse_money",
    "render",
    "show",
    "to_frame",
]
