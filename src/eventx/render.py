"""HTML for events: a compact table and the evidence sentences with their values marked.

``render(text, events)`` returns one self-contained ``<div>`` (its own scoped ``<style>``,
no scripts, no external resources) that a notebook, a web page or an e-mail can show.
Each evidence sentence appears once, with the company mention, the other parties, the
amounts, percentages and horizons of its events highlighted where the sentence says them.

Everything that comes from the text or from an event is HTML-escaped: news text is
untrusted input.

The plain-text counterparts (``text_table``) serve terminals and ``print``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from .schema import BaseEvent, Company, Horizon, Money, Percent

if TYPE_CHECKING:  # pragma: no cover
    from .explanations import Explanation, Reading

__all__ = ["Mark", "find_marks", "render", "render_event", "render_explanations", "text_table"]

# Fields every event has; the others are the type's own fields.
_COMMON = ("type", "company", "status", "date", "evidence", "lang", "confidence")

# White space inside a value may be written differently in the sentence (NBSP, thin space).
_SPACE = r"[\s\u00a0\u2009\u202f]+"

_STYLE = """
.eventx-render{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;
line-height:1.5;color:#1f2328;background:#fff;padding:.5em;max-width:60em}
.eventx-render table{border-collapse:collapse;margin:0 0 .8em 0}
.eventx-render th,.eventx-render td{border-bottom:1px solid #d0d7de;padding:.25em .6em;
text-align:left;vertical-align:top}
.eventx-render th{background:#f6f8fa;font-weight:600}
.eventx-render td.num{text-align:right;font-variant-numeric:tabular-nums}
.eventx-render .eventx-type{font-family:ui-monospace,monospace;font-size:90%}
.eventx-render .eventx-sentence{margin:.4em 0;padding:.4em .6em;border-left:3px solid #d0d7de}
.eventx-render .eventx-refs{font-weight:600;color:#57606a;margin-right:.4em}
.eventx-render .eventx-where{color:#57606a;font-size:85%;margin-left:.4em}
.eventx-render mark{padding:.1em .3em;border-radius:.3em;color:#1f2328;line-height:1}
.eventx-render mark .eventx-label{font-size:65%;font-weight:700;text-transform:uppercase;
margin-left:.35em;vertical-align:middle;opacity:.75}
.eventx-render mark.company{background:#bfdbfe}
.eventx-render mark.party{background:#ddd6fe}
.eventx-render mark.money{background:#bbf7d0}
.eventx-render mark.percent{background:#fde68a}
.eventx-render mark.horizon{background:#fed7aa}
.eventx-render mark.trigger{background:#fecdd3}
.eventx-render mark.argument{background:#e5e7eb}
.eventx-render mark.cue{background:transparent;border:1px dashed #9a6700}
.eventx-render th.nowrap,.eventx-render td.nowrap{white-space:nowrap}
.eventx-render .eventx-badge{font-size:75%;font-weight:600;color:#fff;background:#57606a;
border-radius:.3em;padding:0 .35em;margin-left:.4em;vertical-align:middle}
.eventx-render .eventx-why{margin:.2em 0 1em 1.2em;font-size:92%}
.eventx-render .eventx-why dt{font-weight:600;float:left;clear:left;width:9em}
.eventx-render .eventx-why dd{margin-left:9.5em}
.eventx-render .eventx-empty{color:#57606a;font-style:italic}
""".strip()


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of a sentence: ``sentence[start:end]``, shown with ``label``;
    ``kind`` picks the colour (company, party, money, percent, horizon, trigger, argument)."""

    start: int
    end: int
    label: str
    kind: str


def _type_of(event: BaseEvent) -> str:
    """The ``type`` of an event (each concrete model has one, ``BaseEvent`` itself not)."""
    return str(getattr(event, "type", type(event).__name__))


# -- finding values in a sentence ------------------------------------------------------------
def _pattern(needle: str, whole: bool) -> re.Pattern[str] | None:
    words = needle.split()
    if not words:
        return None
    body = _SPACE.join(re.escape(w) for w in words)
    # whole words: "Meta" must not light up inside "Metall"
    end = r"(?!\w)" if whole else ""
    return re.compile(rf"(?<!\w){body}{end}", re.IGNORECASE)


def _occurrences(sentence: str, needle: str, whole: bool = True) -> list[tuple[int, int]]:
    rx = _pattern(needle, whole)
    return [(m.start(), m.end()) for m in rx.finditer(sentence)] if rx else []


def _values(event: BaseEvent) -> list[tuple[str, str, str]]:
    """(label, kind, text as written) of the values an event carries, company first."""
    out = [("company", "company", event.company.mention)]
    if event.company.name != event.company.mention:
        out.append(("company", "company", event.company.name))
    for name in type(event).model_fields:
        if name in _COMMON:
            continue
        value = getattr(event, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Company):
                out.append((name, "party", item.mention))
                out.append((name, "party", item.name))
            elif isinstance(item, Money):
                out.append((name, "money", item.text))
            elif isinstance(item, Percent):
                out.append((name, "percent", item.text))
            elif isinstance(item, Horizon):
                out.append((name, "horizon", item.text))
    return out


def _resolve(candidates: Iterable[Mark]) -> list[Mark]:
    """Non-overlapping marks in text order. On overlap a trigger wins, then the earlier,
    then the longer mark."""
    chosen: list[Mark] = []
    order = sorted(candidates, key=lambda m: (m.kind != "trigger", m.start, m.start - m.end))
    for mark in order:
        if any(mark.start < c.end and c.start < mark.end for c in chosen):
            continue
        chosen.append(mark)
    return sorted(chosen, key=lambda m: m.start)


def find_marks(sentence: str, events: Iterable[BaseEvent]) -> list[Mark]:
    """Where ``sentence`` says the company, parties, amounts, percentages and horizons of
    ``events``: non-overlapping marks in text order. Values the sentence does not contain
    (an amount read from another sentence of the same event) are simply not marked."""
    found: list[Mark] = []
    for event in events:
        for label, kind, needle in _values(event):
            found.extend(Mark(s, e, label, kind) for s, e in _occurrences(sentence, needle))
    return _resolve(found)


def _quoted(reason: str) -> str | None:
    """The first quoted text in an argument reason ("amount '2 Mrd. Euro' nearest ...")."""
    m = re.search(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", reason)
    if m is None:
        return None
    try:
        value = ast.literal_eval(m.group(0))
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def _kind_of(event: BaseEvent | None, field: str) -> str:
    if field == "company":
        return "company"
    value = getattr(event, field, None) if event is not None else None
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Company):
        return "party"
    for cls, kind in ((Money, "money"), (Percent, "percent"), (Horizon, "horizon")):
        if isinstance(value, cls):
            return kind
    return "argument"


def reading_marks(reading: Reading, event: BaseEvent | None = None) -> list[Mark]:
    """The trigger, the status cue and the quoted argument texts of one reading, found in
    its sentence; ``event`` (the event the reading belongs to) picks the colours."""
    sentence = reading.sentence.text
    found = [Mark(s, e, "trigger", "trigger") for s, e in _occurrences(sentence, reading.trigger)]
    cue = reading.status_cue or ""
    if re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", cue):  # a plain word, not a pattern
        found.extend(Mark(s, e, "status", "cue") for s, e in _occurrences(sentence, cue))
    for field, reason in reading.arguments.items():
        quoted = _quoted(reason)
        if quoted is None:
            continue
        kind = _kind_of(event, field)
        # trigger first: an argument span never hides the trigger
        # an expression may end inside a word ("in KI-Entwicklungen investier")
        spans = _occurrences(sentence, quoted, whole=kind == "company")
        found.extend(Mark(s, e, field, kind) for s, e in spans)
    return _resolve(found)


def _highlight(sentence: str, marks: Sequence[Mark]) -> str:
    out: list[str] = []
    pos = 0
    for m in marks:
        out.append(escape(sentence[pos : m.start]))
        out.append(
            f'<mark class="{escape(m.kind)}" title="{escape(m.label)}">'
            f"{escape(sentence[m.start : m.end])}"
            f'<span class="eventx-label">{escape(m.label)}</span></mark>'
        )
        pos = m.end
    out.append(escape(sentence[pos:]))
    return "".join(out)


# -- formatting values -----------------------------------------------------------------------
def _number(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    v = abs(value)
    for size, unit in (
        (Decimal(10) ** 12, "tn"),
        (Decimal(10) ** 9, "bn"),
        (Decimal(10) ** 6, "m"),
    ):
        if v >= size:
            scaled = (v / size).quantize(Decimal("0.01")).normalize()
            return f"{sign}{scaled:f} {unit}"
    if v == v.to_integral_value():
        return f"{sign}{int(v):,}"
    return f"{sign}{v.normalize():f}"


def format_money(m: Money) -> str:
    """A short reading of an amount: "2.04 bn USD", "≈ 100 bn–999 bn USD"."""
    if m.approximate and m.low is not None and m.high is not None:
        return f"≈ {_number(m.low)}–{_number(m.high)} {m.currency}"
    return f"{'≈ ' if m.approximate else ''}{_number(m.value)} {m.currency}"


def format_value(value: Any) -> str:
    """A field value as a short string for tables (money, horizons, companies, lists)."""
    if isinstance(value, Money):
        return format_money(value)
    if isinstance(value, Percent):
        return f"{value.value.normalize():f} %"
    if isinstance(value, Horizon):
        parts = [p for p in (value.duration, value.deadline and value.deadline.isoformat()) if p]
        return " / ".join(parts) if parts else value.text
    if isinstance(value, Company):
        return value.name
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    return str(value)


def details(event: BaseEvent) -> list[tuple[str, str]]:
    """(field, short value) of the type's own fields that are set, in model order."""
    out = []
    for name in type(event).model_fields:
        if name in _COMMON:
            continue
        value = getattr(event, name)
        if value in (None, [], "") or (name == "reverse" and value is False):
            continue
        out.append((name, format_value(value)))
    return out


# -- HTML ------------------------------------------------------------------------------------
def _table(events: Sequence[BaseEvent]) -> str:
    head = ("#", "type", "company", "status", "date", "details", "confidence")
    rows = []
    for i, ev in enumerate(events, start=1):
        info = "; ".join(f"{escape(k)}: {escape(v)}" for k, v in details(ev))
        company = escape(ev.company.name)
        if ev.company.mention != ev.company.name:
            company += f' <span class="eventx-where">({escape(ev.company.mention)})</span>'
        rows.append(
            "<tr>"
            f'<td class="num">{i}</td>'
            f'<td class="eventx-type nowrap">{escape(_type_of(ev))}</td>'
            f"<td>{company}</td>"
            f'<td class="nowrap">{escape(ev.status)}</td>'
            f'<td class="nowrap">{escape(ev.date.isoformat()) if ev.date else ""}</td>'
            f"<td>{info}</td>"
            f'<td class="num">{ev.confidence:.2f}</td>'
            "</tr>"
        )
    header = "".join(f"<th>{h}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _sentence_of(text: str | None, event: BaseEvent) -> str:
    ev = event.evidence
    if text is None:
        return ev.text
    if text[ev.start : ev.end] != ev.text:
        raise ValueError(
            f"the evidence of a {_type_of(event)} event ({ev.start}:{ev.end}) is not in this text: "
            "pass the text the events were extracted from"
        )
    return ev.text


def _sentences(text: str | None, events: Sequence[BaseEvent]) -> str:
    groups: dict[tuple[int, int], list[int]] = {}
    for i, ev in enumerate(events):
        groups.setdefault((ev.evidence.start, ev.evidence.end), []).append(i)
    parts = []
    for (start, end), idx in sorted(groups.items()):
        sentence = _sentence_of(text, events[idx[0]])
        marks = find_marks(sentence, [events[i] for i in idx])
        refs = ", ".join(str(i + 1) for i in idx)
        parts.append(
            f'<p class="eventx-sentence"><span class="eventx-refs">[{refs}]</span>'
            f"{_highlight(sentence, marks)}"
            f'<span class="eventx-where">{start}–{end}</span></p>'
        )
    return "".join(parts)


def _wrap(body: str) -> str:
    return f'<div class="eventx-render"><style>{_STYLE}</style>{body}</div>'


def render(text: str | None, events: Iterable[BaseEvent]) -> str:
    """HTML of ``events``: a table, then each evidence sentence with values highlighted.

    ``text`` is the text the events were extracted from (their evidence offsets index it;
    a mismatch raises ``ValueError``), or ``None`` to use the evidence texts alone.
    Every piece of text is escaped, so the result is safe to embed in a page.
    """
    evs = list(events)
    if not evs:
        return _wrap('<p class="eventx-empty">No events.</p>')
    return _wrap(_table(evs) + _sentences(text, evs))


def render_event(event: BaseEvent) -> str:
    """HTML of one event (its table row and its evidence sentence)."""
    return render(None, [event])


def _reading_html(reading: Reading, event: BaseEvent) -> str:
    sentence = reading.sentence.text
    badge = (
        '<span class="eventx-badge">evidence</span>'
        if (reading.sentence.start, reading.sentence.end)
        == (event.evidence.start, event.evidence.end)
        else ""
    )
    cue = (
        f" — cue {escape(repr(reading.status_cue))}"
        if reading.status_cue
        else " — no cue (default)"
    )
    items = [
        (
            "trigger",
            f'{escape(reading.trigger)} <span class="eventx-where">'
            + f"pattern {escape(reading.trigger_pattern)}</span>",
        ),
        ("status", f"{escape(reading.status)}{cue}"),
    ]
    items += [(field, escape(reason)) for field, reason in reading.arguments.items()]
    if reading.notes:
        items.append(("notes", escape("; ".join(reading.notes))))
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in items)
    return (
        f'<p class="eventx-sentence">{_highlight(sentence, reading_marks(reading, event))}'
        f'<span class="eventx-where">{reading.sentence.start}–{reading.sentence.end}</span>'
        f"{badge}</p>"
        f'<dl class="eventx-why">{dl}</dl>'
    )


def explanation_body(explanation: Explanation, number: int | None = None) -> str:
    """HTML (without the wrapper) of why one event was produced, reading by reading."""
    ev = explanation.event
    title = f"{number}. " if number is not None else ""
    n = len(explanation.readings)
    summary = (
        f"{title}{escape(_type_of(ev))} · {escape(ev.company.name)} · {escape(ev.status)} — "
        f"read from {n} sentence{'s' if n != 1 else ''}"
    )
    readings = "".join(_reading_html(r, ev) for r in explanation.readings)
    return f"<details open><summary>{summary}</summary>{readings}</details>"


def render_explanations(explanations: Iterable[Explanation]) -> str:
    """HTML of explanations: the table of their events, then why each was produced."""
    xs = list(explanations)
    if not xs:
        return _wrap('<p class="eventx-empty">No events.</p>')
    events = [x.event for x in xs]
    body = "".join(explanation_body(x, i) for i, x in enumerate(xs, start=1))
    return _wrap(_table(events) + body)


# -- plain text ------------------------------------------------------------------------------
def text_table(events: Iterable[BaseEvent], width: int = 100) -> str:
    """One line per event: number, type, company, status, date and details (shortened)."""
    lines = []
    for i, ev in enumerate(events, start=1):
        info = "; ".join(f"{k}: {v}" for k, v in details(ev))
        date = ev.date.isoformat() if ev.date else "-"
        line = f"{i:>2}. {_type_of(ev)} | {ev.company.name} | {ev.status} | {date} | {info}"
        lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return "\n".join(lines) if lines else "(no events)"
