"""Small helpers the normalisers share: language check, lookup keys, regex alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..errors import UnsupportedLanguageError
from ..lang import SUPPORTED

__all__ = [
    "CACHE_SIZE",
    "LETTER_AFTER",
    "LETTER_BEFORE",
    "SOFT",
    "alternation",
    "check_lang",
    "check_text",
    "key",
    "strip_soft",
]

#: results of the public parse functions kept per function (the values are immutable)
CACHE_SIZE = 8192

#: not followed / preceded by a letter or digit (a word boundary that also works after "Mio.")
LETTER_AFTER = r"(?![^\W_])"
LETTER_BEFORE = r"(?<![^\W_])"

#: characters that are invisible in text and may sit inside words
SOFT = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SOFT_TABLE = {ord(c): None for c in SOFT}
_SPACES = re.compile(r"\s+")


def check_lang(lang: object) -> str:
    """Return ``lang`` if eventx supports it, else raise ``UnsupportedLanguageError``."""
    if lang not in SUPPORTED:
        raise UnsupportedLanguageError(lang, SUPPORTED)
    return lang  # type: ignore[return-value]


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise ``TypeError`` naming its type."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return text


def strip_soft(text: str) -> str:
    """``text`` without soft hyphens and zero-width characters."""
    return text.translate(_SOFT_TABLE)


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """The lookup key of a word or phrase as written: lower case, single spaces."""
    return _SPACES.sub(" ", text.strip().lower())


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing regex alternation of ``phrases``, longest first.

    A space in a phrase matches any run of whitespace (NBSP and thin space included).
    """
    items = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    parts = [r"\s+".join(re.escape(w) for w in p.split(" ")) for p in items]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"
