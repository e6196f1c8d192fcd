"""Normalisers: pure functions from one expression of text to a value, or None.

``parse_money``, ``parse_percent``, ``parse_horizon``, ``parse_event_date``, ``parse_number``
and ``parse_count`` read German ("de") and English ("en"); their words come from
``eventx/lang/<lang>/{numbers,money,time}.toml``. The ``iter_*`` functions of the modules find
every expression of a kind in a longer text, with offsets (the spaCy component uses them).
"""

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
]
