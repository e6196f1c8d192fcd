"""What eventx keeps in ``doc.user_data``: the text of a Doc, and the values of its spans.

- spaCy joins ``doc.text`` from the tokens on every call; on a news article that costs about
  as much as a component's own work. The components read the text through :func:`doc_text`,
  which joins it once per Doc, or takes the string the Doc was made from
  (:func:`remember_text`).
- ``span._.value`` (see ``components/extensions.py``) is kept per offsets and label;
  :func:`value_of` reads it without spaCy's extension machinery, for the hot paths.

This module imports nothing of eventx, so that every part can use it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "forget_text", "remember_text", "set_value", "span_values", "value_of"]

_TEXT_KEY = "eventx.text"
_VALUES_KEY = "eventx.values"


def value_of(span: Span) -> object:
    """``span._.value``: the value of a span of ``doc.spans`` (None if it has none)."""
    values = span.doc.user_data.get(_VALUES_KEY)
    return None if values is None else values.get((span.start_char, span.end_char, span.label))


def set_value(span: Span, value: object) -> None:
    """Set ``span._.value``."""
    span_values(span.doc)[(span.start_char, span.end_char, span.label)] = value


def span_values(doc: Doc) -> dict[tuple[int, int, int], object]:
    """Where ``set_value`` keeps the values of a Doc's spans: ``values[start_char, end_char,
    label] = value``, for a component that sets many at once."""
    return doc.user_data.setdefault(_VALUES_KEY, {})  # type: ignore[no-any-return]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc while the eventx components run.

    spaCy joins the text from its tokens on every ``doc.text``; on a news article that costs
    about as much as a component's own work. ``forget_text`` drops the copy again.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Give ``doc_text`` the string ``doc`` was made from, so it is not joined again from
    the tokens. Only for a Doc fresh from the tokenizer, whose text is exactly ``text``."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def forget_text(doc: Doc) -> None:
    """Drop the cached text of :func:`doc_text`."""
    doc.user_data.pop(_TEXT_KEY, None)
