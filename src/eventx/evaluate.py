"""Scoring predicted events against gold files (SPEC section 7).

A gold file is JSON Lines, one news item per line::

    {"id": "en-001", "lang": "en", "published": "2025-07-31", "text": "...",
     "events": [{"type": "asset_sale", "company": ["Meta Platforms", "Meta"],
                 "status": "planned", "amount": {"value": 2040000000, "currency": "USD"}}]}

``load_gold`` reads and checks such a file, ``evaluate`` scores predictions against it and
returns a ``Report`` (precision, recall and F1 of events; accuracy of arguments; the misses),
which renders as text (``Report.to_text``) or as a dict / JSON (``Report.to_dict``).

Matching, in short:

* A predicted company matches a gold company when its ``name`` or its ``mention`` equals one
  of the gold's accepted names, ignoring case, surrounding punctuation, a leading "the", a
  possessive "'s" and legal-form suffixes (AG, SE, Inc., plc, GmbH & Co. KGaA, ...).
* A gold event is *found* when a predicted event has the same ``type`` and a matching
  ``company``. Each predicted event is matched to at most one gold event. Within one item and
  one type the assignment is optimal: first the number of matches is maximal, then, among
  those assignments, the number of right arguments (an exact maximum-weight assignment).
* Every field a gold event gives (other than ``type`` and ``company``) is an argument; a
  gold ``partners`` list counts one argument per partner. Argument accuracy is right
  arguments over gold arguments of found events. Fields a gold event does not give are not
  scored.

The extractor is imported only when ``evaluate`` has to make the predictions itself.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import types
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from .errors import EventxError
from .schema import (
    EVENT_ADAPTER,
    EVENT_TYPES,
    STATUSES,
    BaseEvent,
    Company,
    Horizon,
    Money,
    Percent,
)
from .schema.values import ISO_DURATION

__all__ = [
    "ArgCounts",
    "Counts",
    "GoldError",
    "GoldEvent",
    "GoldItem",
    "GoldMoney",
    "GoldHorizon",
    "Miss",
    "Report",
    "add_subcommand",
    "company_key",
    "companies_match",
    "evaluate",
    "load_gold",
    "load_gold_files",
    "parse_gold_item",
    "run",
]

LANGS: tuple[str, ...] = ("de", "en")

#: Keys a gold item may have; ``note`` is free text for the people who edit the file.
ITEM_KEYS = frozenset({"id", "lang", "published", "text", "events", "note"})
#: Event fields that are never arguments: the matching keys and what only an extractor knows.
NOT_ARGUMENTS = frozenset({"type", "company", "evidence", "lang", "confidence"})

MONEY_TOLERANCE = Decimal("0.01")
PERCENT_TOLERANCE = Decimal("1e-9")

Kind = Literal["money", "horizon", "percent", "company", "companies", "date", "bool", "int", "str"]


class GoldError(EventxError, ValueError):
    """A gold file that cannot be used; the message starts with ``file:line:``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


# --------------------------------------------------------------------------------------
# Field kinds, read from the schema models
# --------------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """``X | None``, ``Optional[X]`` and ``Annotated[X, ...]`` -> ``X``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is types.UnionType:
            rest = [a for a in get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def _kind_of(annotation: Any) -> tuple[Kind, tuple[str, ...] | None]:
    """The kind of a model field and, for ``Literal`` fields, its allowed values."""
    a = _unwrap(annotation)
    origin = get_origin(a)
    if origin is Literal:
        return "str", tuple(str(v) for v in get_args(a))
    if origin is list and _unwrap(get_args(a)[0]) is Company:
        return "companies", None
    simple: dict[Any, Kind] = {
        Money: "money",
        Horizon: "horizon",
        Percent: "percent",
        Company: "company",
        date: "date",
        bool: "bool",
        int: "int",
        str: "str",
    }
    if a in simple:
        return simple[a], None
    raise TypeError(f"no scoring rule for field annotation {annotation!r}")  # pragma: no cover


@lru_cache(maxsize=None)
def _fields_of(event_type: str) -> dict[str, tuple[Kind, tuple[str, ...] | None]]:
    """Scorable fields of one event type: name -> (kind, allowed literal values)."""
    model = EVENT_TYPES[event_type]
    return {
        name: _kind_of(info.annotation)
        for name, info in model.model_fields.items()
        if name not in NOT_ARGUMENTS
    }


# --------------------------------------------------------------------------------------
# Company names
# --------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})
_EDGE = " \t,;:.\"'()[]"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_TRAILING_JOINER = re.compile(r"[\s,]*(?:&|and|und)$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def company_key(name: str) -> str:
    """The comparison key of a company name: case, legal-form suffixes, a leading "the",
    a possessive "'s", soft hyphens and odd whitespace do not count.

    >>> company_key("Siemens AG") == company_key("siemens")
    True
    >>> company_key("Henkel AG & Co. KGaA")
    'henkel'
    """
    from cleanco import basename  # imported here: only scoring needs it

    s = unicodedata.normalize("NFKC", name).replace("\u00ad", "").translate(_APOSTROPHES)
    s = " ".join(s.split()).strip(_EDGE)
    s = _LEADING_THE.sub("", s)
    previous = None
    while s and s != previous:
        previous = s
        stripped = basename(s).strip(_EDGE)
        stripped = _TRAILING_JOINER.sub("", stripped).strip(_EDGE)
        stripped = _POSSESSIVE.sub("", stripped).strip(_EDGE)
        if stripped:  # a name that is nothing but a legal form stays as it is
            s = stripped
    return s.casefold()


def companies_match(predicted: Company | None, accepted: Sequence[str]) -> bool:
    """Whether ``predicted`` (its ``name`` or its ``mention``) is one of the accepted names."""
    if predicted is None:
        return False
    keys = {company_key(n) for n in accepted}
    return company_key(predicted.name) in keys or company_key(predicted.mention) in keys


# --------------------------------------------------------------------------------------
# Gold items
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldMoney:
    """A gold amount: ``value`` and ``currency``; ``approximate`` with optional bounds."""

    value: Decimal | None
    currency: str
    approximate: bool = False
    low: Decimal | None = None
    high: Decimal | None = None

    def accepts(self, predicted: Money | None) -> bool:
        """Same currency, and the value within 1 % (or, for an approximate gold amount
        with bounds, anywhere between ``low`` and ``high``; a missing bound is open)."""
        if predicted is None or predicted.currency.upper() != self.currency:
            return False
        v = Decimal(predicted.value)
        if self.value is not None and abs(v - self.value) <= abs(self.value) * MONEY_TOLERANCE:
            return True
        if self.approximate and (self.low is not None or self.high is not None):
            return (self.low is None or v >= self.low) and (self.high is None or v <= self.high)
        return False


@dataclass(frozen=True)
class GoldHorizon:
    """A gold horizon: a ``duration`` (ISO 8601) and/or a ``deadline``."""

    duration: str | None = None
    deadline: date | None = None

    def accepts(self, predicted: Horizon | None) -> bool:
        """Same duration, or same deadline."""
        if predicted is None:
            return False
        if self.duration is not None and predicted.duration == self.duration:
            return True
        return self.deadline is not None and predicted.deadline == self.deadline


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: its ``type``, accepted ``company`` names and its arguments.

    ``arguments`` maps a field name to its checked gold value (``GoldMoney``,
    ``GoldHorizon``, ``Decimal`` for percentages, a tuple of names for a company, a tuple of
    such tuples for ``partners``, ``date``, ``int``, ``bool`` or ``str``). ``raw`` is the
    event as written in the file.
    """

    type: str
    company: tuple[str, ...]
    arguments: dict[str, Any]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def status(self) -> str | None:
        """The gold status, where given."""
        return self.arguments.get("status")

    def n_arguments(self) -> int:
        """How many arguments this event has (each partner of ``partners`` is one)."""
        return sum(len(v) if k == "partners" else 1 for k, v in self.arguments.items())


@dataclass(frozen=True)
class GoldItem:
    """One gold news item."""

    id: str
    lang: str
    text: str
    events: tuple[GoldEvent, ...]
    published: date | None = None
    source: str = ""
    line: int = 0


def _to_decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise ValueError(f"{what} must be a number, got {value!r}")
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{what} must be a number, got {value!r}") from None
    if not d.is_finite():
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return d


def _names(value: Any, what: str) -> tuple[str, ...]:
    """A company as a gold file writes it: a list of accepted names (or one name)."""
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(n, str) and n.strip() for n in value)
    ):
        raise ValueError(f"{what} must be a non-empty list of names, got {value!r}")
    return tuple(value)


def _gold_money(value: Any, what: str) -> GoldMoney:
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be an object like {{'value': 2e9, 'currency': 'USD'}}")
    unknown = set(value) - {"value", "currency", "approximate", "low", "high", "text"}
    if unknown:
        raise ValueError(f"{what} has unknown keys {sorted(unknown)}")
    currency = value.get("currency")
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValueError(f"{what}.currency must be an ISO 4217 code like 'EUR', got {currency!r}")
    approximate = value.get("approximate", False)
    if not isinstance(approximate, bool):
        raise ValueError(f"{what}.approximate must be true or false, got {approximate!r}")
    amount = value.get("value")
    low, high = value.get("low"), value.get("high")
    if not approximate and (low is not None or high is not None):
        raise ValueError(f"{what}: low/high are only read when approximate is true")
    if amount is None and (not approximate or (low is None and high is None)):
        raise ValueError(f"{what} needs a value (or approximate with low/high)")
    m = GoldMoney(
        value=None if amount is None else _to_decimal(amount, f"{what}.value"),
        currency=currency,
        approximate=approximate,
        low=None if low is None else _to_decimal(low, f"{what}.low"),
        high=None if high is None else _to_decimal(high, f"{what}.high"),
    )
    if m.low is not None and m.high is not None and m.low > m.high:
        raise ValueError(f"{what}: low is above high")
    return m


def _gold_horizon(value: Any, what: str) -> GoldHorizon:
    if not isinstance(value, dict) or not ({"duration", "deadline"} & set(value)):
        raise ValueError(f"{what} must be an object with 'duration' and/or 'deadline'")
    unknown = set(value) - {"duration", "deadline", "text"}
    if unknown:
        raise ValueError(f"{what} has unknown keys {sorted(unknown)}")
    duration = value.get("duration")
    if duration is not None and not (isinstance(duration, str) and ISO_DURATION.match(duration)):
        raise ValueError(f"{what}.duration must be ISO 8601 like 'P12M', got {duration!r}")
    deadline = value.get("deadline")
    return GoldHorizon(
        duration=duration,
        deadline=None if deadline is None else _iso_date(deadline, f"{what}.deadline"),
    )


def _iso_date(value: Any, what: str) -> date:
    try:
        if not isinstance(value, str):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} must be an ISO date like '2026-12-31', got {value!r}") from None


def _gold_argument(
    name: str, value: Any, kind: Kind, allowed: tuple[str, ...] | None, what: str
) -> Any:
    """Check one gold argument and return it in the shape the scorer compares."""
    if kind == "money":
        return _gold_money(value, what)
    if kind == "horizon":
        return _gold_horizon(value, what)
    if kind == "percent":
        if isinstance(value, dict):
            if set(value) - {"value", "text"} or "value" not in value:
                raise ValueError(f"{what} must be an object like {{'value': 12.5}}")
            value = value["value"]
        return _to_decimal(value, what)
    if kind == "company":
        return _names(value, what)
    if kind == "companies":
        if not isinstance(value, list) or not value:
            raise ValueError(f"{what} must be a non-empty list of companies")
        return tuple(_names(v, f"{what}[{i}]") for i, v in enumerate(value))
    if kind == "date":
        return _iso_date(value, what)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{what} must be true or false, got {value!r}")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} must be a whole number, got {value!r}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    if allowed is not None and value.strip().casefold() not in {a.casefold() for a in allowed}:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _gold_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object")
    etype = raw.get("type")
    if etype not in EVENT_TYPES:
        raise ValueError(f"{where}.type must be one of the event types; got {etype!r}")
    if "company" not in raw:
        raise ValueError(f"{where} ({etype}) has no 'company'")
    company = _names(raw["company"], f"{where}.company")
    scorable = _fields_of(etype)
    arguments: dict[str, Any] = {}
    for name, value in raw.items():
        if name in ("type", "company", "note"):
            continue
        if name in NOT_ARGUMENTS:
            raise ValueError(f"{where}: '{name}' is not scored and does not belong in gold")
        if name not in scorable:
            raise ValueError(
                f"{where}: {etype} has no field '{name}' "
                f"(fields: {', '.join(sorted(scorable))})"
            )
        if name == "status" and value not in STATUSES:
            raise ValueError(f"{where}.status must be one of {', '.join(STATUSES)}; got {value!r}")
        kind, allowed = scorable[name]
        arguments[name] = _gold_argument(name, value, kind, allowed, f"{where}.{name}")
    return GoldEvent(type=etype, company=company, arguments=arguments, raw=raw)


def parse_gold_item(record: Any, source: str = "<gold>", line: int = 0) -> GoldItem:
    """Check one gold record (a dict as read from one line of a gold file).

    Raises ``GoldError`` naming ``source:line`` and what is wrong.
    """

    def fail(message: str) -> GoldError:
        return GoldError(source, line, message)

    rec = record
    if not isinstance(rec, dict):
        raise fail("expected a JSON object")
    unknown = set(rec) - ITEM_KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)} (allowed: {', '.join(sorted(ITEM_KEYS))})")
    for key in ("id", "lang", "text", "events"):
        if key not in rec:
            raise fail(f"missing '{key}'")
    if not isinstance(rec["id"], str) or not rec["id"].strip():
        raise fail(f"'id' must be a non-empty string, got {rec['id']!r}")
    if rec["lang"] not in LANGS:
        raise fail(f"'lang' must be one of {', '.join(LANGS)}, got {rec['lang']!r}")
    if not isinstance(rec["text"], str):
        raise fail("'text' must be a string")
    if not isinstance(rec["events"], list):
        raise fail("'events' must be a list (empty for an item without events)")
    published = rec.get("published")
    try:
        pub = None if published is None else _iso_date(published, "'published'")
        events = tuple(_gold_event(e, f"events[{i}]") for i, e in enumerate(rec["events"]))
    except ValueError as exc:
        raise fail(f"{rec['id']}: {exc}") from None
    return GoldItem(
        id=rec["id"],
        lang=rec["lang"],
        text=rec["text"],
        events=events,
        published=pub,
        source=source,
        line=line,
    )


def _gold_line(line: str, path: str, lineno: int) -> GoldItem:
    try:
        rec = json.loads(line, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise GoldError(path, lineno, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    return parse_gold_item(rec, path, lineno)


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read and check one gold file (JSON Lines). Blank lines are skipped.

    Raises ``GoldError`` (message ``file:line: what is wrong``) on the first bad line, on a
    duplicate ``id``, or when the file cannot be read.
    """
    name = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise GoldError(name, None, f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise GoldError(name, None, "not UTF-8 text") from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = _gold_line(line, name, lineno)
        if item.id in seen:
            first = seen[item.id]
            raise GoldError(name, lineno, f"duplicate id {item.id!r} (first on line {first})")
        seen[item.id] = lineno
        items.append(item)
    return items


def load_gold_files(paths: Iterable[str | Path]) -> list[GoldItem]:
    """Read several gold files; an ``id`` must be unique across all of them."""
    items: list[GoldItem] = []
    first: dict[str, GoldItem] = {}
    for path in paths:
        for item in load_gold(path):
            if item.id in first:
                other = first[item.id]
                raise GoldError(
                    item.source, item.line,
                    f"duplicate id {item.id!r} (also in {other.source}:{other.line})",
                )
            first[item.id] = item
            items.append(item)
    return items


# --------------------------------------------------------------------------------------
# Comparing one gold event with one predicted event
# --------------------------------------------------------------------------------------


def _same_string(gold: str, predicted: Any) -> bool:
    if not isinstance(predicted, str):
        return False
    return " ".join(gold.split()).casefold() == " ".join(predicted.split()).casefold()


def _argument_right(kind: Kind, gold: Any, predicted: Any) -> bool:
    """Whether one predicted value is right for one gold argument (not ``partners``)."""
    if predicted is None:
        return False
    if kind in ("money", "horizon"):
        return bool(gold.accepts(predicted))
    if kind == "percent":
        return isinstance(predicted, Percent) and abs(predicted.value - gold) <= PERCENT_TOLERANCE
    if kind == "company":
        return isinstance(predicted, Company) and companies_match(predicted, gold)
    if kind == "date":
        return isinstance(predicted, date) and predicted.isoformat() == gold.isoformat()
    if kind == "bool":
        return predicted is gold
    if kind == "int":
        return not isinstance(predicted, bool) and predicted == gold
    return _same_string(gold, predicted)


@dataclass(frozen=True)
class _Check:
    """The verdict on one gold argument (for ``partners``: on one gold partner)."""

    field: str
    right: bool
    gold: Any
    predicted: Any


def _checks(gold: GoldEvent, pred: BaseEvent) -> list[_Check]:
    kinds = _fields_of(gold.type)
    out: list[_Check] = []
    for name, g in gold.arguments.items():
        kind = kinds[name][0]
        p = getattr(pred, name, None)
        raw = gold.raw.get(name)
        if kind == "companies":
            partners = list(p or [])
            for i, accepted in enumerate(g):
                right = any(companies_match(c, accepted) for c in partners)
                shown = raw[i] if isinstance(raw, list) else accepted
                out.append(_Check(name, right, shown, _shown(p)))
        else:
            out.append(_Check(name, _argument_right(kind, g, p), raw, _shown(p)))
    return out


def _shown(value: Any) -> Any:
    """A predicted value as JSON-friendly data, for the list of misses."""
    if value is None:
        return None
    if isinstance(value, list):
        return [_shown(v) for v in value]
    if isinstance(value, Company):
        return value.name if value.mention == value.name else f"{value.name} ({value.mention})"
    if hasattr(value, "model_dump"):
        return {k: v for k, v in value.model_dump(mode="json").items() if v not in (None, False)}
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_safe(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


# --------------------------------------------------------------------------------------
# Assignment
# --------------------------------------------------------------------------------------


def _max_weight_assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Rows matched to columns so that the total weight is maximal (Hungarian method).

    ``weights[i][j] >= 0``; a weight of 0 means "cannot be matched". Returns the pairs
    with a positive weight.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if weights else 0
    if not n_rows or not n_cols:
        return []
    n = max(n_rows, n_cols)
    top = max(max(row) for row in weights)
    # square cost matrix to minimise; padding cells cost as much as an impossible pair
    cost = [
        [top - (weights[i][j] if i < n_rows and j < n_cols else 0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j]: row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = []
    for j in range(1, n + 1):
        i = owner[j] - 1
        if i < n_rows and j - 1 < n_cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def _match(
    gold: Sequence[GoldEvent], predicted: Sequence[BaseEvent]
) -> list[tuple[int, int, list[_Check]]]:
    """Pairs (gold index, predicted index, argument checks) of one item.

    Candidates have the same type and a matching company. Each pair weighs
    ``big + right arguments`` with ``big`` above any possible sum of right arguments, so a
    maximum-weight assignment has the most matches and, among those, the most right
    arguments.
    """
    out: list[tuple[int, int, list[_Check]]] = []
    for etype in {g.type for g in gold}:
        gi = [i for i, g in enumerate(gold) if g.type == etype]
        pi = [j for j, p in enumerate(predicted) if p.type == etype]
        if not pi:
            continue
        checks: dict[tuple[int, int], list[_Check]] = {}
        big = sum(gold[i].n_arguments() for i in gi) + 1
        weights = []
        for i in gi:
            row = []
            for j in pi:
                if companies_match(predicted[j].company, gold[i].company):
                    checks[i, j] = _checks(gold[i], predicted[j])
                    row.append(big + sum(c.right for c in checks[i, j]))
                else:
                    row.append(0)
            weights.append(row)
        for r, c in _max_weight_assignment(weights):
            out.append((gi[r], pi[c], checks[gi[r], pi[c]]))
    return sorted(out, key=lambda t: t[0])


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    """Event counts: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def gold(self) -> int:
        """Gold events."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Predicted events."""
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        """tp / predicted; ``None`` when nothing was predicted."""
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        """tp / gold; ``None`` when there is no gold event."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        """2 tp / (2 tp + fp + fn); ``None`` when there are neither gold nor predicted events."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios as a dict."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class ArgCounts:
    """Argument counts of found events: right ones out of all gold ones."""

    right: int = 0
    total: int = 0

    def __iadd__(self, other: ArgCounts) -> ArgCounts:
        self.right += other.right
        self.total += other.total
        return self

    @property
    def accuracy(self) -> float | None:
        """right / total; ``None`` when no argument was scored."""
        return _ratio(self.right, self.total)

    def to_dict(self) -> dict[str, Any]:
        """Counts and accuracy as a dict."""
        return {"right": self.right, "total": self.total, "accuracy": self.accuracy}


MissKind = Literal["missed", "spurious", "wrong_argument"]


@dataclass(frozen=True)
class Miss:
    """One thing that went wrong: a gold event not found, a predicted event that matches
    no gold event, or a wrong argument of a found event (gold vs predicted)."""

    kind: MissKind
    item: str
    lang: str
    type: str
    company: str
    field: str | None = None
    gold: Any = None
    predicted: Any = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The miss as JSON-friendly data."""
        d: dict[str, Any] = {
            "kind": self.kind,
            "item": self.item,
            "lang": self.lang,
            "type": self.type,
            "company": self.company,
        }
        if self.kind == "wrong_argument":
            d.update(field=self.field, gold=_json_safe(self.gold), predicted=self.predicted)
        elif self.kind == "missed":
            d["gold"] = _json_safe(self.gold)
        if self.evidence is not None:
            d["evidence"] = self.evidence
        return d

    def to_text(self) -> str:
        """One line of text."""
        head = f"{self.item:<10} {self.kind:<14} {self.type:<17} {self.company}"
        if self.kind == "wrong_argument":
            gold = json.dumps(_json_safe(self.gold), ensure_ascii=False)
            pred = json.dumps(self.predicted, ensure_ascii=False)
            return f"{head}  {self.field}: gold {gold}, predicted {pred}"
        if self.kind == "missed" and self.gold:
            return f"{head}  {json.dumps(_json_safe(self.gold), ensure_ascii=False)}"
        if self.evidence:
            snippet = " ".join(self.evidence.split())
            return f'{head}  "{snippet[:90]}{"…" if len(snippet) > 90 else ""}"'
        return head


@dataclass
class Report:
    """The result of ``evaluate``.

    Counts are kept per (language, type) for events and per (language, type, field) for
    arguments; ``events()`` and ``arguments()`` add them up for any slice. The properties
    ``precision``, ``recall``, ``f1`` and ``argument_accuracy`` are the overall figures.
    """

    items: int = 0
    items_by_lang: dict[str, int] = field(default_factory=dict)
    items_without_events: int = 0
    #: items without gold events for which something was predicted anyway
    false_alarm_items: int = 0
    event_counts: dict[tuple[str, str], Counts] = field(default_factory=dict)
    arg_counts: dict[tuple[str, str, str], ArgCounts] = field(default_factory=dict)
    #: gold arguments of all gold events, found or not, per (language, type, field)
    gold_arg_counts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    #: (item id, message) for items whose prediction raised
    errors: list[tuple[str, str]] = field(default_factory=list)

    # -- slices -----------------------------------------------------------------------
    def events(self, lang: str | None = None, type: str | None = None) -> Counts:
        """Event counts, overall or for one language and/or type."""
        total = Counts()
        for (lg, t), c in self.event_counts.items():
            if (lang is None or lg == lang) and (type is None or t == type):
                total += c
        return total

    def arguments(
        self, lang: str | None = None, type: str | None = None, field: str | None = None
    ) -> ArgCounts:
        """Argument counts, overall or for one language, type and/or field."""
        total = ArgCounts()
        for (lg, t, f), c in self.arg_counts.items():
            if (lang is None or lg == lang) and (type is None or t == type) and (
                field is None or f == field
            ):
                total += c
        return total

    def gold_arguments(
        self, lang: str | None = None, type: str | None = None, field: str | None = None
    ) -> int:
        """How many arguments the gold events give (found or not), for any slice."""
        return sum(
            n
            for (lg, t, f), n in self.gold_arg_counts.items()
            if (lang is None or lg == lang) and (type is None or t == type)
            and (field is None or f == field)
        )

    @property
    def langs(self) -> list[str]:
        """Languages with items, in a fixed order."""
        return [lg for lg in LANGS if self.items_by_lang.get(lg)]

    @property
    def types(self) -> list[str]:
        """Event types seen in gold or predictions, in schema order."""
        seen = {t for _, t in self.event_counts}
        return [t for t in EVENT_TYPES if t in seen]

    @property
    def fields(self) -> list[str]:
        """Argument fields that gold events give, sorted."""
        return sorted({f for _, _, f in self.gold_arg_counts} | {f for _, _, f in self.arg_counts})

    @property
    def precision(self) -> float | None:
        """Micro-averaged event precision."""
        return self.events().precision

    @property
    def recall(self) -> float | None:
        """Micro-averaged event recall."""
        return self.events().recall

    @property
    def f1(self) -> float | None:
        """Micro-averaged event F1."""
        return self.events().f1

    @property
    def argument_accuracy(self) -> float | None:
        """Right arguments / gold arguments of found events."""
        return self.arguments().accuracy

    # -- rendering --------------------------------------------------------------------
    def to_dict(self, misses: int | None = None) -> dict[str, Any]:
        """The report as JSON-friendly data; ``misses`` limits the list of misses."""
        shown = self.misses if misses is None else self.misses[:misses]
        return {
            "items": self.items,
            "items_by_lang": {lg: self.items_by_lang[lg] for lg in self.langs},
            "items_without_events": self.items_without_events,
            "false_alarm_items": self.false_alarm_items,
            "events": {
                "all": self.events().to_dict(),
                "by_lang": {lg: self.events(lang=lg).to_dict() for lg in self.langs},
                "by_type": {t: self.events(type=t).to_dict() for t in self.types},
                "by_lang_type": {
                    lg: {
                        t: self.events(lang=lg, type=t).to_dict()
                        for t in self.types
                        if (lg, t) in self.event_counts
                    }
                    for lg in self.langs
                },
            },
            "arguments": {
                "all": {**self.arguments().to_dict(), "gold": self.gold_arguments()},
                "by_lang": {
                    lg: {**self.arguments(lang=lg).to_dict(), "gold": self.gold_arguments(lang=lg)}
                    for lg in self.langs
                },
                "by_type": {t: self.arguments(type=t).to_dict() for t in self.types},
                "by_field": {
                    f: {**self.arguments(field=f).to_dict(), "gold": self.gold_arguments(field=f)}
                    for f in self.fields
                },
                "by_lang_field": {
                    lg: {
                        f: self.arguments(lang=lg, field=f).to_dict()
                        for f in self.fields
                        if self.arguments(lang=lg, field=f).total
                    }
                    for lg in self.langs
                },
            },
            "misses_total": len(self.misses),
            "misses": [m.to_dict() for m in shown],
            "errors": [{"item": i, "error": e} for i, e in self.errors],
        }

    def to_json(self, misses: int | None = None, indent: int | None = 2) -> str:
        """The report as a JSON string."""
        return json.dumps(self.to_dict(misses), ensure_ascii=False, indent=indent)

    def to_text(self, misses: int | None = 20) -> str:
        """The report as a plain-text table; ``misses`` limits the list of misses."""
        langs = ", ".join(f"{self.items_by_lang[lg]} {lg}" for lg in self.langs)
        out = [
            f"{self.items} items ({langs or 'none'}), {self.items_without_events} without "
            f"events ({self.false_alarm_items} with predictions anyway)",
            "",
            f"{'events':<19}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}",
        ]

        def ev_row(label: str, c: Counts) -> str:
            return (
                f"{label:<19}{c.gold:>6}{c.predicted:>6}{c.tp:>6}"
                f"{_fmt(c.precision):>8}{_fmt(c.recall):>8}{_fmt(c.f1):>8}"
            )

        def arg_row(label: str, lang: str | None = None, field: str | None = None) -> str:
            a = self.arguments(lang=lang, field=field)
            gold = self.gold_arguments(lang=lang, field=field)
            return f"{label:<19}{a.right:>6}{a.total:>7}{_fmt(a.accuracy):>8}{gold:>7}"

        out.append(ev_row("all", self.events()))
        out.extend(ev_row(lg, self.events(lang=lg)) for lg in self.langs)
        if self.types:
            out.append("")
            out.extend(ev_row(t, self.events(type=t)) for t in self.types)
        out += [
            "",
            f"{'arguments':<19}{'right':>6}{'scored':>7}{'acc':>8}{'gold':>7}"
            "   (scored: of found events; gold: of all gold events)",
        ]
        out.append(arg_row("all"))
        out.extend(arg_row(lg, lang=lg) for lg in self.langs)
        if self.fields:
            out.append("")
            out.extend(arg_row(f, field=f) for f in self.fields)
        if self.errors:
            out += ["", f"errors ({len(self.errors)} items could not be predicted)"]
            out.extend(f"{i:<10} {e}" for i, e in self.errors)
        if misses and self.misses:
            shown = self.misses[:misses]
            out += ["", f"misses (first {len(shown)} of {len(self.misses)})"]
            out.extend(m.to_text() for m in shown)
        return "\n".join(out) + "\n"


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


# --------------------------------------------------------------------------------------
# evaluate
# --------------------------------------------------------------------------------------

Predictor = Callable[..., Iterable[Any]]
Predictions = Union[Predictor, Mapping[str, Iterable[Any]], Sequence[Iterable[Any]], None]


def _as_event(value: Any) -> BaseEvent:
    if isinstance(value, BaseEvent):
        return value
    if isinstance(value, dict):
        return EVENT_ADAPTER.validate_python({k: v for k, v in value.items() if k != "id"})
    raise TypeError(
        f"a predicted event must be an event model or a dict, got {type(value).__name__}"
    )


def _company_label(names: Sequence[str]) -> str:
    return names[0] if names else "?"


def evaluate(
    gold: Iterable[GoldItem],
    predict: Predictions = None,
    *,
    types: Iterable[str] | None = None,
    langs: Iterable[str] | None = None,
    raise_errors: bool = False,
) -> Report:
    """Score predictions against gold items (SPEC section 7) and return a ``Report``.

    ``predict`` is one of:

    * ``None``: run ``eventx.extract(item.text, lang=item.lang, published=item.published)``;
    * a callable called the same way, ``predict(text, lang=..., published=...)`` (so
      ``eventx.extract`` or ``Extractor(...).extract`` fit);
    * a mapping from item id to that item's predicted events (missing ids predict nothing);
    * a sequence with one list of predicted events per gold item, in order.

    Predicted events are event models or dicts in their JSON form (an ``id`` key is
    ignored). ``types`` / ``langs`` restrict the scoring to some event types / languages.
    An exception while predicting one item is recorded in ``Report.errors`` and the item
    counts as predicting nothing, unless ``raise_errors`` is true.
    """
    items = list(gold)
    type_filter = None if types is None else set(types)
    lang_filter = None if langs is None else set(langs)
    if type_filter is not None and (unknown := type_filter - set(EVENT_TYPES)):
        raise ValueError(f"unknown event types {sorted(unknown)}")

    if predict is None or callable(predict):
        if predict is None:
            from .api import extract as predict_fn
        else:
            predict_fn = predict

        def predictions_of(index: int, item: GoldItem) -> Iterable[Any]:
            return predict_fn(item.text, lang=item.lang, published=item.published)

    elif isinstance(predict, Mapping):
        by_id = predict

        def predictions_of(index: int, item: GoldItem) -> Iterable[Any]:
            return by_id.get(item.id, ())

    else:
        aligned = list(predict)
        if len(aligned) != len(items):
            raise ValueError(
                f"got {len(aligned)} prediction lists for {len(items)} gold items"
            )

        def predictions_of(index: int, item: GoldItem) -> Iterable[Any]:
            return aligned[index]

    report = Report()
    for index, item in enumerate(items):
        if lang_filter is not None and item.lang not in lang_filter:
            continue
        try:
            predicted = [_as_event(e) for e in predictions_of(index, item)]
        except Exception as exc:
            if raise_errors:
                raise
            report.errors.append((item.id, f"{type(exc).__name__}: {exc}"))
            predicted = []
        gold_events = [g for g in item.events if type_filter is None or g.type in type_filter]
        predicted = [p for p in predicted if type_filter is None or p.type in type_filter]
        _score_item(report, item, gold_events, predicted)
    return report


def _score_item(
    report: Report, item: GoldItem, gold: list[GoldEvent], predicted: list[BaseEvent]
) -> None:
    report.items += 1
    report.items_by_lang[item.lang] = report.items_by_lang.get(item.lang, 0) + 1
    if not gold:
        report.items_without_events += 1
        if predicted:
            report.false_alarm_items += 1

    def counts(etype: str) -> Counts:
        return report.event_counts.setdefault((item.lang, etype), Counts())

    def args(etype: str, name: str) -> ArgCounts:
        return report.arg_counts.setdefault((item.lang, etype, name), ArgCounts())

    for g in gold:
        for name, value in g.arguments.items():
            key = (item.lang, g.type, name)
            n = len(value) if name == "partners" else 1
            report.gold_arg_counts[key] = report.gold_arg_counts.get(key, 0) + n

    pairs = _match(gold, predicted)
    found = {i for i, _, _ in pairs}
    used = {j for _, j, _ in pairs}
    for i, j, checks in pairs:
        g = gold[i]
        counts(g.type).tp += 1
        for check in checks:
            a = args(g.type, check.field)
            a.total += 1
            a.right += check.right
            if not check.right:
                report.misses.append(Miss(
                    "wrong_argument", item.id, item.lang, g.type, _company_label(g.company),
                    check.field, check.gold, check.predicted, predicted[j].evidence.text,
                ))
    for i, g in enumerate(gold):
        if i not in found:
            counts(g.type).fn += 1
            given = {k: v for k, v in g.raw.items() if k not in ("type", "company", "note")}
            report.misses.append(Miss(
                "missed", item.id, item.lang, g.type, _company_label(g.company), gold=given,
            ))
    for j, p in enumerate(predicted):
        if j not in used:
            counts(p.type).fp += 1
            company = p.company.name if p.company.mention == p.company.name else (
                f"{p.company.name} ({p.company.mention})"
            )
            report.misses.append(
                Miss("spurious", item.id, item.lang, p.type, company, evidence=p.evidence.text)
            )


# --------------------------------------------------------------------------------------
# Command line: eventx evaluate
# --------------------------------------------------------------------------------------

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _non_negative(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {n}")
    return n


def add_subcommand(subparsers: Any) -> None:
    """Add ``eventx evaluate`` to the sub-parsers of the ``eventx`` command."""
    p = subparsers.add_parser(
        "evaluate",
        help="score the extractor against gold files (JSON Lines)",
        description="Score events against gold files: precision, recall and F1 of events "
        "per type and language, accuracy of arguments per field, and the misses.",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--misses", type=_non_negative, default=None, metavar="N",
        help="show at most N misses (default: 20 in text, all in JSON)",
    )
    p.add_argument(
        "--type", dest="types", action="append", choices=list(EVENT_TYPES), metavar="T",
        help="score only this event type (repeatable)",
    )
    p.add_argument(
        "--lang", dest="langs", action="append", choices=list(LANGS),
        help="score only items in this language (repeatable)",
    )
    p.add_argument(
        "--predictions", metavar="FILE.jsonl", default=None,
        help="score saved 'eventx extract' output (one event per line with the item 'id') "
        "instead of running the extractor",
    )
    p.set_defaults(func=run)


def _read_predictions(path: str) -> dict[str, list[BaseEvent]]:
    out: dict[str, list[BaseEvent]] = defaultdict(list)
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    if not isinstance(rec, dict) or "id" not in rec:
                        raise ValueError("expected an event object with the item 'id'")
                    out[str(rec["id"])].append(_as_event(rec))
                except ValueError as exc:  # JSON and pydantic errors are ValueErrors
                    message = str(exc).splitlines()[0]
                    raise GoldError(path, lineno, f"bad prediction: {message}") from None
    except OSError as exc:
        raise GoldError(path, None, f"cannot read ({exc.strerror or exc})") from None
    return dict(out)


def run(args: argparse.Namespace) -> int:
    """Run ``eventx evaluate`` with parsed arguments; returns the exit code."""
    try:
        items = load_gold_files(args.gold)
        predictions = None if args.predictions is None else _read_predictions(args.predictions)
    except GoldError as exc:
        print(f"eventx evaluate: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = evaluate(items, predictions, types=args.types, langs=args.langs)
    if args.format == "json":
        sys.stdout.write(report.to_json(misses=args.misses) + "\n")
    else:
        sys.stdout.write(report.to_text(misses=20 if args.misses is None else args.misses))
    return EXIT_OK
