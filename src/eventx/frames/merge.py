"""One event per real-world event: frames of one type and company that agree are merged.

Frames agree when none of their *distinguishing* fields differ (the target of an acquisition,
the person of a management change, the metric of an earnings figure ...: company-valued
fields plus the type's ``distinct`` list) and their amounts can be the same amount said
twice ("2 Milliarden" and "2,04 Milliarden"). A merged event keeps the most precise
amount, and its status comes from the frames whose status was stated (a cue), the most
most telling first.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from spacy.tokens import Span

from ..doc_data import value_of
from .arguments import Frame, field_kinds, is_empty, money_close

# When stated statuses disagree: a denial or cancellation ends the story; what others report
# (rumored) colours everything the same text says about the event; otherwise the status
# furthest along wins (completed > announced > planned > considered).
_DEFINITE = {
    "denied": 8,
    "cancelled": 7,
    "rumored": 6,
    "completed": 5,
    "announced": 4,
    "planned": 3,
    "considered": 2,
}


def _key_value(value: Any) -> Any:
    if isinstance(value, Span):
        company = value_of(value)
        if company is not None:
            return company.name.casefold()
    if isinstance(value, str):
        return value.casefold()
    return value


class _Group:
    """A cluster under construction, with what a new frame must agree with: the one key
    value of each distinguishing field, and per money field the smallest and largest exact
    amount and every distinct approximate one.

    A frame agrees with a cluster when it agrees with every frame in it. Members of a cluster
    agree pairwise, so a distinguishing field has at most one key value. Whether an amount is
    close to an exact amount only gets less likely the further apart they are, so agreeing
    with the smallest and the largest exact amount is agreeing with all exact amounts
    between them (the amounts of one currency; an approximate new amount whose own value lies
    outside its range is checked against all of them). Checking a frame costs the same for
    the thousandth member as for the second (it grew with the cluster: a text of repeated
    trigger words took seconds).
    """

    def __init__(self, frame: Frame, distinct: frozenset[str]) -> None:
        self.frames: list[Frame] = []
        self.distinct = distinct
        self.kinds = field_kinds(frame.type)
        self.keys: dict[str, Any] = {}
        self.exact: dict[str, dict[tuple[str, Decimal], Any]] = {}
        self.bounds: dict[str, tuple[Any, Any]] = {}
        self.approx: dict[str, dict[tuple[Any, ...], Any]] = {}
        self.add(frame)

    def add(self, frame: Frame) -> None:
        self.frames.append(frame)
        for fld, value in frame.fields.items():
            if is_empty(value):
                continue
            kind = self.kinds.get(fld)
            if fld in self.distinct or kind == "company":
                self.keys.setdefault(fld, _key_value(value))
            if kind == "money":
                if value.approximate:
                    key = (value.currency, value.value, value.low, value.high)
                    self.approx.setdefault(fld, {}).setdefault(key, value)
                    continue
                self.exact.setdefault(fld, {}).setdefault((value.currency, value.value), value)
                lo, hi = self.bounds.get(fld, (value, value))
                self.bounds[fld] = (
                    value if value.value < lo.value else lo,
                    value if value.value > hi.value else hi,
                )

    def agrees(self, frame: Frame) -> bool:
        for fld, value in frame.fields.items():
            if is_empty(value):
                continue
            kind = self.kinds.get(fld)
            if kind == "money" and not self._money_agrees(fld, value):
                return False
            if (fld in self.distinct or kind == "company") and fld in self.keys:
                if _key_value(value) != self.keys[fld]:
                    return False
        return True

    def _money_agrees(self, fld: str, value: Any) -> bool:
        if any(not money_close(value, m) for m in self.approx.get(fld, {}).values()):
            return False
        if fld not in self.bounds:
            return True
        lo, hi = self.bounds[fld]
        if lo.currency != value.currency or hi.currency != value.currency:
            return False
        inside = value.low is None or value.high is None or value.low <= value.value <= value.high
        if (value.approximate and not inside) or lo.value < 0 or value.value < 0:
            # the reasoning about extremes needs both; check every distinct amount instead
            return all(money_close(value, m) for m in self.exact[fld].values())
        return money_close(value, lo) and money_close(value, hi)


def cluster(frames: list[Frame], distinct: dict[str, frozenset[str]]) -> list[list[Frame]]:
    """Group frames (all with a company) into clusters, one per real-world event: each frame
    joins the first earlier cluster of its type and company that it agrees with."""
    groups: list[_Group] = []
    by_head: dict[tuple[str, str | None], list[_Group]] = {}
    for frame in frames:
        name = frame.company_value.name if frame.company_value else None
        for group in by_head.get((frame.type, name), ()):
            if group.agrees(frame):
                group.add(frame)
                break
        else:
            group = _Group(frame, distinct.get(frame.type, frozenset()))
            groups.append(group)
            by_head.setdefault((frame.type, name), []).append(group)
    return [g.frames for g in groups]


def _precision(value: Any) -> tuple[int, int]:
    if getattr(value, "approximate", False):
        return (0, 0)
    v = getattr(value, "value", None)
    if isinstance(v, Decimal):
        digits = v.normalize().as_tuple().digits
        return (1, len(digits))
    return (1, 0)


def rank(frame: Frame) -> tuple[bool, int, bool, int]:
    """Order of trust among a cluster's frames: stated status, fields found, company named
    in the frame's own sentence, earlier."""
    return (frame.factuality.cue is not None, frame.filled, not frame.notes, -frame.sent_index)


def combine(cluster_: list[Frame]) -> tuple[list[Frame], dict[str, Any], str, Any]:
    """The frames of one cluster by rank (the representative first), its merged fields,
    status and date."""
    ordered = sorted(cluster_, key=rank, reverse=True)
    best = ordered[0]
    kinds = field_kinds(best.type)
    fields: dict[str, Any] = {}
    ranks: dict[str, int] = {}
    for frame in ordered:
        for fld, value in frame.fields.items():
            if is_empty(value):
                continue
            if fld not in fields:
                fields[fld] = value
                ranks[fld] = frame.ranks.get(fld, 0)
            elif kinds.get(fld) == "money" and _precision(value) > _precision(fields[fld]):
                fields[fld] = value
            elif frame.ranks.get(fld, 0) < ranks[fld]:
                # a more specific word for the same thing ("Datenzentren" over "Vermögenswerte")
                fields[fld] = value
                ranks[fld] = frame.ranks[fld]
    stated = [f.factuality.status for f in cluster_ if f.factuality.cue is not None]
    status = max(stated, key=_DEFINITE.__getitem__) if stated else best.factuality.status
    date = next((f.date for f in ordered if f.date is not None), None)
    return ordered, fields, status, date
