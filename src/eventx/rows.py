"""Events as flat rows: the one column set shared by ``to_frame``, CSV output and Spark.

The columns are derived from the pydantic models, so they are the same for every input and
follow the models when a field is added:

- the fields every event has first (``type``, ``company_*``, ``status``, ``date``, ``lang``,
  ``confidence``, ``evidence_*``), then the own fields of the event types in the order of
  ``EVENT_MODELS``, each column once;
- a nested value is flattened with ``_``: ``amount_value``, ``amount_currency``,
  ``horizon_duration``, ``target_name`` ...;
- a list of companies (``partners``) becomes one column per company field, the values
  joined with ``"; "`` (``partners_name = "Siemens; SAP"``).

Each column has a kind: ``string``, ``int``, ``float``, ``bool`` or ``date``. Amounts
(``Decimal`` in the models) are of kind ``float`` here; :func:`rows` keeps them as
``Decimal`` and each output converts (``to_frame`` and Spark to float, CSV writes the exact
decimal). Only what pydantic and the standard library offer is imported here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from .schema import EVENT_MODELS, BaseEvent

__all__ = ["COLUMNS", "Column", "Kind", "column_names", "row", "rows"]

Kind = Literal["string", "int", "float", "bool", "date"]

#: separator of the values of a list of companies in one cell
LIST_SEP = "; "


@dataclass(frozen=True)
class Column:
    """One flat column: its name, its kind, and the attribute path to its value."""

    name: str
    kind: Kind
    path: tuple[str, ...]
    many: bool = False  # the first attribute of the path is a list (joined with LIST_SEP)


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Optional``/``Annotated``/``list``; whether it was a list."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"cannot flatten a union of {args}")
            annotation = args[0]
        elif origin in (list, tuple, set, frozenset):
            if many:
                raise TypeError("cannot flatten a list of lists")
            many = True
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation, many


def _kind(annotation: Any) -> Kind:
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return "string"
        raise TypeError(f"cannot flatten Literal{values}")
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation in (float, Decimal):
        return "float"
    if annotation is date:
        return "date"
    if annotation is str:
        return "string"
    raise TypeError(f"cannot flatten a field of type {annotation!r}")


def _field_columns(
    name: str, annotation: Any, prefix: tuple[str, ...], many: bool
) -> Iterator[Column]:
    inner, is_list = _strip(annotation)
    path = (*prefix, name)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        for sub, info in inner.model_fields.items():
            yield from _field_columns(sub, info.annotation, path, many or is_list)
    elif is_list:
        raise TypeError(f"cannot flatten {'.'.join(path)}: a list of {inner!r}")
    else:
        yield Column("_".join(path), _kind(inner), path, many)


_COMMON_ORDER = ("type", "company", "status", "date", "lang", "confidence", "evidence")


def _derive() -> tuple[Column, ...]:
    seen: dict[str, Column] = {}
    models = EVENT_MODELS
    common = sorted(
        (n for n in BaseEvent.model_fields),
        key=lambda n: _COMMON_ORDER.index(n) if n in _COMMON_ORDER else len(_COMMON_ORDER),
    )
    order = ["type", *common]
    for model in models:
        order.extend(n for n in model.model_fields if n not in order)
    for field in order:
        for model in models:
            if field not in model.model_fields:
                continue
            annotation = model.model_fields[field].annotation
            for col in _field_columns(field, annotation, (), False):
                old = seen.get(col.name)
                if old is None:
                    seen[col.name] = col
                elif (old.kind, old.path, old.many) != (col.kind, col.path, col.many):
                    raise TypeError(
                        f"column {col.name!r} has kind {old.kind} in one event type and "
                        f"{col.kind} in {model.__name__}"
                    )
    return tuple(seen.values())


#: The flat columns of every event, in order.
COLUMNS: tuple[Column, ...] = _derive()


def column_names() -> list[str]:
    """Names of :data:`COLUMNS`, in order."""
    return [c.name for c in COLUMNS]


def _getter(col: Column) -> Callable[[BaseEvent], Any]:
    head, rest = col.path[0], col.path[1:]

    def walk(obj: Any, path: tuple[str, ...]) -> Any:
        for attr in path:
            if obj is None:
                return None
            obj = getattr(obj, attr, None)
        return obj

    if col.many:
        def get_many(ev: BaseEvent) -> Any:
            items = getattr(ev, head, None)
            if not items:
                return None
            values = [walk(item, rest) for item in items]
            if all(v is None for v in values):
                return None
            return LIST_SEP.join("" if v is None else str(v) for v in values)

        return get_many

    return lambda ev: walk(ev, col.path)


_GETTERS: tuple[tuple[str, Callable[[BaseEvent], Any]], ...] = tuple(
    (c.name, _getter(c)) for c in COLUMNS
)


def row(event: BaseEvent) -> dict[str, Any]:
    """One event as a flat dict over :data:`COLUMNS` (absent values are None).

    Values keep their Python types: ``Decimal`` amounts, ``date`` dates.
    """
    return {name: get(event) for name, get in _GETTERS}


def rows(events: Iterable[BaseEvent]) -> Iterator[dict[str, Any]]:
    """:func:`row` of each event, lazily."""
    for ev in events:
        yield row(ev)
