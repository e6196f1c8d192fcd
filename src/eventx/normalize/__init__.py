"""Normalisers: pure functions from one expression of text to a value, or None.

``parse_money``, ``parse_percent``, ``parse_horizon``, ``parse_event_date``, ``parse_number``
and ``parse_count`` read German ("de") and English ("en"); their words come from
``eventx/lang/<lang>/{numbers,money,time}.toml``. The ``iter_*`` functions of the modules find
every expression of a kind in a longer text, with offsets (the spaCy component uses them).
"""

from . import money, percent, scan, time
from .money import parse_money
from .numbers import parse_count, parse_number
from .percent import parse_percent
from .time import parse_event_date, parse_horizon

__all__ = [
    "parse_count",
    "parse_event_date",
    "parse_horizon",
    "parse_money",
    "parse_number",
    "parse_percent",
    "prepare",
]


def prepare(lang: str) -> None:
    """Compile the patterns of ``lang`` now rather than on first use (the spaCy component
    calls this when a pipeline is built, so the first document is not slower than the rest).
    Raises ``UnsupportedLanguageError`` for a language other than "de" and "en"."""
    money.vocab(lang)
    percent.vocab(lang)
    time.horizon_vocab(lang)
    time.date_vocab(lang)
    time.grammar(lang)
    percent.pattern(lang)
    scan.starts("", lang)
