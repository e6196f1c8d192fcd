"""eventx: typed financial events from German and English business news.

>>> import eventx
>>> events = eventx.extract(text, published="2025-07-31")   # doctest: +SKIP
"""

from .api import Article, Extractor, extract, extract_many, load
from .errors import EventxError, InvalidInputError, UnsupportedLanguageError
from .frame import extract_frame, to_frame
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
    "extract_frame",
    "extract_many",
    "json_schema",
    "load",
    "parse_horizon",
    "parse_money",
    "to_frame",
]
