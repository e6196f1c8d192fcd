"""pandas helpers (``pandas`` extra): events as a DataFrame, one row per event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .schema import BaseEvent

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _flat(prefix: str, value: Any, row: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}_{k}" if prefix else k, v, row)
    else:
        row[prefix] = value


def to_frame(events: Iterable[BaseEvent]) -> pd.DataFrame:
    """One row per event; nested values flattened to ``company_name``, ``amount_value`` ..."""
    import pandas as pd

    rows = []
    for ev in events:
        row: dict[str, Any] = {}
        _flat("", ev.model_dump(mode="python"), row)
        rows.append(row)
    return pd.DataFrame(rows)
