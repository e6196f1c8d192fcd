"""Shared checks of the robustness tests: evidence offsets, JSON Schema, span offsets.

In a module of their own (not ``conftest``): test modules import them, and ``conftest`` is
a name every test folder has.
"""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

import eventx
from eventx.components.extensions import SPAN_KEYS

_VALIDATOR = Draft202012Validator(eventx.json_schema())


def check_events(text: str, events: list) -> None:
    """Every evidence indexes ``text``; every event's JSON validates against the schema."""
    for event in events:
        ev = event.evidence
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text, (ev.start, ev.end, ev.text)
        data = json.loads(event.model_dump_json())
        errors = [e.message for e in _VALIDATOR.iter_errors(data)]
        assert not errors, errors


def check_doc(text: str, doc) -> None:  # noqa: ANN001 - spaCy Doc
    """The Doc keeps the caller's text; every span of ``doc.spans`` indexes it and carries
    a value of its kind."""
    assert doc.text == text
    for key in SPAN_KEYS:
        for span in doc.spans.get(key, []):
            assert 0 <= span.start_char <= span.end_char <= len(text)
            assert text[span.start_char : span.end_char] == span.text
            if key != "dates":  # a date needs a publication date to have a value
                assert span._.value is not None, (key, span.text)
    check_events(text, doc._.events or [])


def dumped(events: list) -> list[dict]:
    """Events as plain data, for comparing two runs."""
    return [e.model_dump(mode="json") for e in events]
