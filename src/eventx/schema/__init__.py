"""What eventx returns: value types and the event models."""

from .events import (
    EVENT_ADAPTER,
    EVENT_LIST_ADAPTER,
    EVENT_MODELS,
    EVENT_TYPES,
    SCHEMA_VERSION,
    STATUSES,
    BaseEvent,
    Event,
    json_schema,
)
from .values import Company, Evidence, Horizon, Money, Percent

__all__ = [
    "EVENT_ADAPTER",
    "EVENT_LIST_ADAPTER",
    "EVENT_MODELS",
    "EVENT_TYPES",
    "SCHEMA_VERSION",
    "STATUSES",
    "BaseEvent",
    "Company",
    "Event",
    "Evidence",
    "Horizon",
    "Money",
    "Percent",
    "json_schema",
]
