"""Small helpers the normalisers share: language check, lookup keys, regex alternations."""

from __future__ import annotations

import html
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
    "plain",
    "plain_with_offsets",
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
_SOFT_OR_ENTITY = re.compile(f"[{SOFT}]|&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});")
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


def _decoded(ref: str) -> str:
    """A character reference ("&nbsp;", "&#8364;") decoded, soft characters removed; an
    unknown name stays as written."""
    if ref[0] != "&":
        return ""  # a soft character
    return html.unescape(ref).translate(_SOFT_TABLE)


def strip_soft(text: str) -> str:
    """``text`` without soft hyphens and zero-width characters (entities left as written)."""
    return text.translate(_SOFT_TABLE)


def plain(text: str) -> str:
    """``text`` as the normalisers read it: without soft hyphens and zero-width characters,
    with HTML character references of crawled text decoded ("1,2&nbsp;Mrd.&nbsp;&euro;")."""
    if "&" not in text:
        return text.translate(_SOFT_TABLE)
    return _SOFT_OR_ENTITY.sub(lambda m: _decoded(m.group()), text)


def plain_with_offsets(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """:func:`plain` of ``text``, and for every character of it the start and end offset in
    ``text`` of what it was read from (both None when ``text`` is already plain)."""
    if _SOFT_OR_ENTITY.search(text) is None:
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SOFT_OR_ENTITY.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        ref = m.group()
        for ch in _decoded(ref):
            out.append(ch)
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return "".join(out), starts, ends


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
