"""Build and cache one spaCy ``Language`` per (language, model).

The default pipeline is ``spacy.blank(lang)`` plus eventx's own components; no statistical
model is needed. ``load(lang, model="de_core_news_sm")`` puts the same components on an
installed spaCy pipeline instead.
"""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import UnsupportedLanguageError
from .lang import SUPPORTED

__all__ = ["COMPONENTS", "load", "build"]

#: eventx components in pipeline order
COMPONENTS: tuple[str, ...] = (
    "eventx_sentences",
    "eventx_amounts",
    "eventx_companies",
    "eventx_events",
)

_CACHE: dict[tuple[str, str | None], Language] = {}
_LOCK = threading.Lock()


def check_lang(lang: object) -> str:
    """Return ``lang`` if supported, else raise ``UnsupportedLanguageError``."""
    if lang not in SUPPORTED:
        raise UnsupportedLanguageError(lang, SUPPORTED)
    return lang  # type: ignore[return-value]


def build(lang: str, model: str | None = None) -> Language:
    """A new pipeline for ``lang`` (uncached).

    ``model`` names an installed spaCy pipeline (package name or path). Its components run
    before eventx's (sentence boundaries excepted, which eventx sets first), so
    ``eventx_companies`` sees the model's entities and takes its ``ORG`` entities as company
    candidates besides its own rules. Without a model the pipeline is ``spacy.blank(lang)``.
    A model that already holds eventx components keeps them and gets none twice.
    """
    from . import components  # noqa: F401  (registers the factories)
    from .components.tokens import harden_tokenizer

    lang = check_lang(lang)
    if model is None:
        nlp = spacy.blank(lang)
    else:
        nlp = spacy.load(model)
        if nlp.lang != lang:
            raise ValueError(f"model {model!r} is for {nlp.lang!r}, not {lang!r}")
    harden_tokenizer(nlp)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        if name == "eventx_sentences" and first is not None:
            nlp.add_pipe(name, before=first)
        else:
            nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` that keeps ``text`` for the components, which would otherwise
    join it again from the tokens (as costly as a component's own work on an article)."""
    from .components.extensions import remember_text

    return remember_text(nlp.make_doc(text), text)


def load(lang: str, model: str | None = None) -> Language:
    """The cached pipeline for ``lang`` (built on first use, then reused)."""
    key = (check_lang(lang), model)
    nlp = _CACHE.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _CACHE.get(key)
            if nlp is None:
                nlp = _CACHE[key] = build(lang, model)
    return nlp


def refresh(lang: str, model: str | None = None, *, stale: Language | None = None) -> Language:
    """Replace the cached pipeline for ``lang`` by a new one and return the cached one.

    For long-running processes: spaCy's memory zones free the strings and lexemes of each
    batch, but not the room their hash tables grew to hold them; a new pipeline starts small.
    With ``stale``, the cache is only replaced while it still holds ``stale`` (so that
    threads noticing the same thing rebuild once). Pipelines already handed out stay valid.
    """
    key = (check_lang(lang), model)
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None or stale is None or nlp is stale:
            nlp = _CACHE[key] = build(lang, model)
    return nlp
