"""``eventx_events``: triggers -> frames -> validated events in ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventExtractor:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("eventx_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    """Factory of the event component."""
    return EventExtractor(nlp.lang)
