"""Normalisers: pure functions from one expression of text to a value, or None."""

from .money import parse_money
from .percent import parse_percent
from .time import parse_event_date, parse_horizon

__all__ = ["parse_event_date", "parse_horizon", "parse_money", "parse_percent"]
