"""The ``Doc``/``Span`` extension attributes eventx reads and writes.

- ``doc._.events``: list of events (set by ``eventx_events``)
- ``doc._.published``: ``date | None`` to resolve relative dates against (set by the caller)
- ``doc._.main_company``: the ``Company`` the text is mostly about (set by ``eventx_companies``)
- ``span._.value``: the ``Company`` / ``Money`` / ``Horizon`` / ``Percent`` / ``date`` of a span
  in ``doc.spans["companies" | "money" | "horizons" | "percent" | "dates"]``

spaCy keys a plain span extension by the span's character offsets only, so a company and an
amount over the same characters ("Nordwerft.$0.25" in run-together text) would share one
value. ``span._.value`` is therefore kept per offsets *and label* (ORG, ANAPHOR, MONEY, ...).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..doc_data import doc_text, forget_text, remember_text, set_value, value_of

__all__ = ["SPAN_KEYS", "doc_text", "forget_text", "register_extensions", "remember_text"]

SPAN_KEYS = ("companies", "money", "percent", "horizons", "dates")

def register_extensions() -> None:
    """Register the extensions once (idempotent)."""
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("main_company"):
        Doc.set_extension("main_company", default=None)
    if not Doc.has_extension("explanations"):
        Doc.set_extension("explanations", default=None)
    if not Span.has_extension("value") or Span.get_extension("value")[2] is not value_of:
        Span.set_extension("value", getter=value_of, setter=set_value, force=True)
