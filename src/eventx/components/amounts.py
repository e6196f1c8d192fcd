"""``eventx_amounts``: money, percent, horizon and date spans with normalised values.

Fills ``doc.spans["money" | "percent" | "horizons" | "dates"]``; each span's ``_.value`` is
the value the matching normaliser returned. Candidates are found on the Doc's text (which is
the caller's text), so offsets index the original.

Foundation placeholder: the candidate expressions here are a small subset.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalize import parse_event_date, parse_horizon, parse_money, parse_percent

_MONEY = re.compile(
    r"(?:[$€]\s?\d[\d.,]*\s*(?:bn|m|billion|million)?\b)"
    r"|(?:(?:\d[\d.,]*|Hunderte|hundreds of)\s+(?:(?:Mio\.|Mrd\.|Millionen|Milliarden|billion|million)\s+)?"
    r"(?:US-Dollar|Dollar|Euro|dollars)\b)",
    re.I,
)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|Prozent\b|percent\b)", re.I)
_HORIZON = re.compile(
    r"\b(?:innerhalb|binnen|within|in|über|over)\s+(?:der\s+|the\s+)?(?:nächsten\s+|next\s+)?"
    r"(?:\d+|\w+)\s+(?:Monate|Jahre|months|years)\b",
    re.I,
)
_DATE = re.compile(
    r"\b(?:im|am|in|on)\s+(?:\d{1,2}\.\s*)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember|January|February|March|June|July|October|December)\b"
)


def _spans(doc: Doc, rx: re.Pattern[str], label: str, parse: Callable[[str], Any]) -> list[Span]:
    out: list[Span] = []
    for m in rx.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
        if span is None:
            continue
        value = parse(doc.text[span.start_char : span.end_char])
        if value is None:
            continue
        span._.value = value
        out.append(span)
    return out


class AmountFinder:
    """Find amounts, percentages, horizons and dates and attach their values."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        lang, pub = self.lang, doc._.published
        doc.spans["money"] = _spans(doc, _MONEY, "MONEY", lambda t: parse_money(t, lang))
        doc.spans["percent"] = _spans(doc, _PERCENT, "PERCENT", lambda t: parse_percent(t, lang))
        doc.spans["horizons"] = _spans(
            doc, _HORIZON, "HORIZON", lambda t: parse_horizon(t, lang, pub)
        )
        doc.spans["dates"] = _spans(doc, _DATE, "DATE", lambda t: parse_event_date(t, lang, pub))
        return doc


@Language.factory("eventx_amounts")
def make_amounts(nlp: Language, name: str) -> AmountFinder:
    """Factory of the amounts component."""
    return AmountFinder(nlp.lang)
