"""Why an event was produced: ``eventx.explain(text)`` and ``Extractor(explain=True)``.

The event component records, for every event it emits, each sentence it read the event
from (a *reading*): the trigger word and the pattern that matched it, the status and the
cue that decided it, and why every argument was attached. This module turns those records
into pydantic models whose offsets, like the events', index the caller's text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict

from .schema import BaseEvent, Event, Evidence

if TYPE_CHECKING:  # pragma: no cover
    from .api import Extractor

__all__ = ["Explanation", "Reading", "explain", "explain_text", "explanation_of"]


class Reading(BaseModel):
    """One sentence an event was read from, and how.

    ``sentence`` indexes the caller's text; ``trigger`` is the word that started the
    reading and ``trigger_pattern`` the data-file pattern it matched; ``status`` is what
    this sentence says about factuality and ``status_cue`` the cue that decided it (``None``:
    no cue, the type's default); ``arguments`` maps a field (``company``, ``amount`` ...) to
    the reason it was attached; ``notes`` say how the reading was tied to its context.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sentence: Evidence
    trigger: str
    trigger_pattern: str
    status: str
    status_cue: str | None = None
    arguments: dict[str, str] = {}
    notes: list[str] = []


class Explanation(BaseModel):
    """An event and the readings it was built from (several when the text repeats it).

    ``str(explanation)`` is a plain-text report; in a notebook it renders as HTML with the
    trigger and the arguments highlighted in each sentence.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    event: Event
    readings: list[Reading]

    def __str__(self) -> str:
        ev = self.event
        n = len(self.readings)
        lines = [
            f"{ev.type} · {ev.company.name} · {ev.status} (confidence {ev.confidence:.2f})",
            f"evidence {ev.evidence.start}–{ev.evidence.end}: {_short(ev.evidence.text, 80)}",
            f"read from {n} sentence{'s' if n != 1 else ''}:",
        ]
        for r in self.readings:
            lines.append(f"  {r.sentence.start}–{r.sentence.end}: {_short(r.sentence.text, 78)}")
            cue = f"cue {r.status_cue!r}" if r.status_cue else "no cue: default of the type"
            rows = [
                ("trigger", f"{r.trigger!r} (pattern {r.trigger_pattern!r})"),
                ("status", f"{r.status}, {cue}"),
                *r.arguments.items(),
            ]
            if r.notes:
                rows.append(("notes", "; ".join(r.notes)))
            for key, value in rows:
                lines.extend(
                    textwrap.wrap(
                        value,
                        width=92,
                        initial_indent=f"    {key:<14} ",
                        subsequent_indent=" " * 19,
                        break_on_hyphens=False,
                    )
                    or [f"    {key}"]
                )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from .render import render_explanations

        return render_explanations([self])


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _shift_evidence(raw: dict[str, Any], offset: int) -> Evidence:
    ev = Evidence.model_validate(raw)
    if offset == 0:
        return ev
    return ev.model_copy(update={"start": ev.start + offset, "end": ev.end + offset})


def explanation_of(event: BaseEvent, record: dict[str, Any], offset: int = 0) -> Explanation:
    """The ``Explanation`` of ``event`` from the engine's record of it
    (an item of ``doc._.explanations``), sentence offsets moved by ``offset``.

    ``event`` must already index the caller's text (shifted by the same ``offset``).
    """
    readings = [
        Reading(
            sentence=_shift_evidence(f["sentence"], offset),
            trigger=f.get("trigger", ""),
            trigger_pattern=f.get("trigger_pattern", ""),
            status=f.get("status", event.status),
            status_cue=f.get("status_cue"),
            arguments=dict(f.get("arguments", {})),
            notes=list(f.get("notes", [])),
        )
        for f in record.get("frames", [])
    ]
    return Explanation(event=cast("Event", event), readings=readings)


def _explanations_of_doc(doc: Any, offset: int) -> Iterator[Explanation]:
    from .api import _shift

    events = doc._.events or []
    records = doc._.explanations or []
    if len(records) != len(events):
        raise RuntimeError(
            f"the event component recorded {len(records)} explanations for {len(events)} events"
        )
    for event, record in zip(events, records):
        yield explanation_of(_shift(event, offset), record, offset)


def explain_text(
    extractor: Extractor,
    text: str,
    published: date | datetime | str | None = None,
    lang: str | None = None,
) -> list[Explanation]:
    """The explanations of the events ``extractor`` finds in ``text``, in the same order
    and with the same offsets as ``extractor.extract(text, published, lang=lang)``."""
    from . import api

    api.check_text(text)
    pub = api.coerce_published(published)
    if not text.strip():
        return []
    lang_ = extractor._lang_of(text, lang)
    if lang_ is None:
        return []
    # an extractor fixed to the language, so that no piece is detected on its own;
    # ``Extractor.doc`` runs the shared pipeline the way ``extract`` does
    fixed = extractor if extractor.lang == lang_ else api.Extractor(lang_, model=extractor.model)
    limit = api.load(lang_, extractor.model).max_length - 1
    out: list[Explanation] = []
    for offset, piece in api._pieces(text, limit):
        out.extend(_explanations_of_doc(fixed.doc(piece, pub), offset))
    return out


def explain(
    text: str, lang: str | None = None, published: date | datetime | str | None = None
) -> list[Explanation]:
    """Why each event of ``text`` was produced: one ``Explanation`` per event, in the order
    ``eventx.extract`` returns them (same arguments, same offsets)."""
    from . import api

    api.check_text(text)
    # the shared extractor of ``lang``; making it rejects languages other than de/en
    return api._extractor(lang).explain(text, published)


def events_of(explanations: Iterable[Explanation]) -> list[Event]:
    """The events of some explanations, in order."""
    return [x.event for x in explanations]
