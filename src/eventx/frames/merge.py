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

from .arguments import Frame, field_kinds, money_close

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
    company = getattr(value, "_", None)
    if company is not None and hasattr(value._, "value") and value._.value is not None:
        return value._.value.name.casefold()
    if isinstance(value, str):
        return value.casefold()
    return value


def _compatible(cluster: list[Frame], frame: Frame, distinct: frozenset[str]) -> bool:
    kinds = field_kinds(frame.type)
    for other in cluster:
        for fld, value in frame.fields.items():
            theirs = other.fields.get(fld)
            if value in (None, [], "") or theirs in (None, [], ""):
                continue
            kind = kinds.get(fld)
            if kind == "money" and not money_close(value, theirs):
                return False
            if (fld in distinct or kind == "company") and _key_value(value) != _key_value(theirs):
                return False
    return True


def cluster(frames: list[Frame], distinct: dict[str, frozenset[str]]) -> list[list[Frame]]:
    """Group frames (all with a company) into clusters, one per real-world event."""
    clusters: list[list[Frame]] = []
    for frame in frames:
        name = frame.company_value.name if frame.company_value else None
        for c in clusters:
            head = c[0]
            if head.type != frame.type or head.company_value.name != name:
                continue
            if _compatible(c, frame, distinct.get(frame.type, frozenset())):
                c.append(frame)
                break
        else:
            clusters.append([frame])
    return clusters


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


def combine(cluster_: list[Frame]) -> tuple[Frame, dict[str, Any], str, Any]:
    """The representative frame, merged fields, status and date of one cluster."""
    ordered = sorted(cluster_, key=rank, reverse=True)
    best = ordered[0]
    kinds = field_kinds(best.type)
    fields: dict[str, Any] = {}
    ranks: dict[str, int] = {}
    for frame in ordered:
        for fld, value in frame.fields.items():
            if value in (None, [], ""):
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
    return best, fields, status, date
