"""The public entry points: extract, extract_many, Extractor, Article.

Thin: validates input, picks the language, hands text to the cached spaCy pipeline of
``pipeline.py`` and returns ``doc._.events``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline
from .errors import InvalidInputError
from .langid import detect
from .schema import BaseEvent, Event

if TYPE_CHECKING:  # pragma: no cover
    from .explanations import Explanation

__all__ = ["Article", "Extractor", "extract", "extract_many", "load"]

log = logging.getLogger("eventx")

Errors = Literal["raise", "skip"]


class Article(BaseModel):
    """One news item for ``extract_many``: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    lang: str | None = None
    published: date | datetime | str | None = None
    id: str | int | None = None


def load(lang: str, model: str | None = None) -> Language:
    """The cached spaCy pipeline for ``lang``; ``doc._.events`` holds the events of a text."""
    return pipeline.load(lang, model)


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise ``TypeError`` naming its type."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return text


def coerce_published(value: object) -> date | None:
    """``published`` as a ``date``: accepts date, datetime, ISO string or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InvalidInputError(
        f"invalid published value {value!r}: expected a date, a datetime or an ISO 8601 string"
    )


def _pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces shorter than ``limit``, at paragraph or sentence ends where
    possible; yields (offset in text, piece)."""
    start, n = 0, len(text)
    while n - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + limit // 2, end)
            if cut != -1:
                cut += len(sep)
                break
        if cut <= start:
            cut = end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _shift(event: BaseEvent, offset: int) -> BaseEvent:
    if offset == 0:
        return event
    ev = event.evidence
    moved = ev.model_copy(update={"start": ev.start + offset, "end": ev.end + offset})
    return event.model_copy(update={"evidence": moved})


class Extractor:
    """A reusable extractor. Safe to share between threads for reading.

    ``lang=None`` detects the language of every text; ``model`` names an installed spaCy
    pipeline whose components run before eventx's (e.g. for its ORG entities).
    ``explain=True`` makes ``extract`` return an ``eventx.EventList`` that also carries
    why each event was produced (``.explanations``; ``pipe`` is not affected); see also
    ``Extractor.explain``.
    """

    def __init__(
        self, lang: str | None = None, *, model: str | None = None, explain: bool = False
    ) -> None:
        if lang is not None:
            pipeline.check_lang(lang)
        self.lang = lang
        self.model = model
        self.explains = explain

    # -- one text -------------------------------------------------------------------------
    def _lang_of(self, text: str, lang: str | None) -> str | None:
        lang = lang or self.lang
        if lang is not None:
            return pipeline.check_lang(lang)
        found = detect(text)
        if found is None:
            log.warning("eventx: language of text not supported (not de/en); no events")
        return found

    def _docs(self, text: str, lang: str, published: date | None) -> Iterator[tuple[int, Doc]]:
        nlp = pipeline.load(lang, self.model)
        for offset, piece in _pieces(text, nlp.max_length - 1):
            doc = nlp.make_doc(piece)
            doc._.published = published
            yield offset, doc

    def doc(self, text: str, published: date | datetime | str | None = None) -> Doc:
        """The processed ``Doc`` of ``text`` (one piece; for inspection in notebooks)."""
        check_text(text)
        lang = self._lang_of(text, None) or "en"
        nlp = pipeline.load(lang, self.model)
        doc = nlp.make_doc(text)
        doc._.published = coerce_published(published)
        return nlp(doc)

    def extract(
        self, text: str, published: date | datetime | str | None = None, *, lang: str | None = None
    ) -> list[Event]:
        """The events of one text (``[]`` for empty text or an unsupported language)."""
        if self.explains:
            from .display import EventList

            return EventList.of(self.explain(text, published, lang=lang), text=text)
        check_text(text)
        pub = coerce_published(published)
        if not text.strip():
            return []
        lang_ = self._lang_of(text, lang)
        if lang_ is None:
            return []
        nlp = pipeline.load(lang_, self.model)
        events: list[Event] = []
        for offset, doc in self._docs(text, lang_, pub):
            doc = nlp(doc)
            events.extend(_shift(e, offset) for e in doc._.events or [])
        return events

    def explain(
        self, text: str, published: date | datetime | str | None = None, *, lang: str | None = None
    ) -> list[Explanation]:
        """Why each event of ``text`` was produced: one ``Explanation`` per event of
        ``extract(text, published, lang=lang)``, in the same order, offsets into ``text``."""
        from .explanations import explain_text

        return explain_text(self, text, published, lang)

    # -- many texts -----------------------------------------------------------------------
    def pipe(
        self,
        items: Iterable[str | Article],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        progress: bool = False,
        errors: Errors = "raise",
    ) -> Iterator[list[Event]]:
        """One list of events per item, in input order."""
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
        for index, item in enumerate(items):
            try:
                if isinstance(item, Article):
                    yield self.extract(item.text, item.published, lang=item.lang)
                else:
                    yield self.extract(item)
            except Exception as exc:
                if errors == "raise":
                    raise
                ident = getattr(item, "id", None)
                log.error("eventx: skipped item %s (id=%r): %s", index, ident, exc)
                yield []


_DEFAULT: dict[str | None, Extractor] = {}


def _extractor(lang: str | None) -> Extractor:
    ex = _DEFAULT.get(lang)
    if ex is None:
        ex = _DEFAULT[lang] = Extractor(lang)
    return ex


def extract(
    text: str, lang: str | None = None, published: date | datetime | str | None = None
) -> list[Event]:
    """The events of one text. ``lang`` "de", "en" or None (detect)."""
    check_text(text)
    if lang is not None:
        pipeline.check_lang(lang)
    return _extractor(lang).extract(text, published)


def extract_many(
    items: Iterable[str | Article],
    lang: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = False,
    errors: Errors = "raise",
) -> Iterator[list[Event]]:
    """One list of events per item, in input order. Items are strings or ``Article``."""
    if lang is not None:
        pipeline.check_lang(lang)
    return _extractor(lang).pipe(
        items, batch_size=batch_size, n_process=n_process, progress=progress, errors=errors
    )
