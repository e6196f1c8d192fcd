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
_ENTITY = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_SOFT_OR_ENTITY = re.compile(f"[{SOFT}]|{_ENTITY}")
# starts with a literal "&", which the regex engine finds quickly; the class of soft
# characters at the start of the pattern above is tried at every position
_ENTITY_RX = re.compile(_ENTITY)
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
    if _is_plain(text):
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SOFT_OR_ENTITY.finditer(text):
        # the text before the match, character by character
        out.append(text[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        decoded = _decoded(m.group())
        out.append(decoded)
        starts.extend([m.start()] * len(decoded))
        ends.extend([m.end()] * len(decoded))
        pos = m.end()
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(out), starts, ends


def _is_plain(text: str) -> bool:
    """Whether :func:`plain` leaves ``text`` as it is (``_SOFT_OR_ENTITY`` finds nothing);
    substring tests first, which are much faster than the pattern's search."""
    if any(c in text for c in SOFT):
        return False
    return "&" not in text or _ENTITY_RX.search(text) is None


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """The lookup key of a word or phrase as written: lower case, single spaces."""
    return _SPACES.sub(" ", text.strip().lower())


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing regex alternation of ``phrases``, longest first.

    A space in a phrase matches any run of whitespace (NBSP and thin space included).
    Phrases that begin alike share their beginning in the pattern ("ende|ende des|end"
    -> "end(?:e(?:\\s+des|)|)"): the regex engine tries the alternatives of a branch one by
    one, so a long list written out costs a try per phrase at every position it is tried.
    """
    items = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not items:
        return "(?!)"
    if all(map(_spaced_words, items)):
        return "(?:" + "|".join(_prefix_tree(items)) + ")"
    return "(?:" + "|".join(map(_phrase_rx, items)) + ")"


def _phrase_rx(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split(" "))


def _spaced_words(phrase: str) -> bool:
    """Whether ``phrase`` is words joined by single spaces, with no other white space."""
    return all(w and not any(c.isspace() for c in w) for w in phrase.split(" "))


def _prefix_tree(phrases: list[str]) -> list[str]:
    """The branches of ``"|".join(map(_phrase_rx, phrases))`` with common beginnings
    written once.

    It matches what the flat alternation matches, in the same order of preference: phrases
    that differ in a character cannot both match there, and those that agree up to it stay
    in their order; a phrase that is the beginning of others comes after them (it is
    shorter). Phrases whose first characters could match one character of text (case
    variants, which a case-insensitive pattern treats alike) stay written out, in order.
    """
    if "" in phrases[:-1]:  # not sorted longest first: keep the order as it is
        return list(map(_phrase_rx, phrases))
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if phrase:
            groups.setdefault(phrase[0], []).append(phrase[1:])
    alike = _alike(list(groups))
    branches = []
    for first, rests in groups.items():
        if first in alike:
            continue
        head = r"\s+" if first == " " else re.escape(first)
        tails = [_phrase_rx(rests[0])] if len(rests) == 1 else _prefix_tree(rests)
        branches.append(head + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"))
    branches += [_phrase_rx(p) for p in phrases if p[:1] in alike]
    if not phrases[-1]:
        branches.append("")  # the phrase that ends here, after the longer ones
    return branches


def _alike(chars: list[str]) -> set[str]:
    """The ``chars`` that one character of text could match together with another of them
    when matching ignores case (" " stands for white space, which no other character of
    a phrase is)."""
    letters = [c for c in chars if c != " "]
    alike = set()
    for i, a in enumerate(letters):
        for b in letters[i + 1 :]:
            if (
                a.lower() == b.lower()
                or a.upper() == b.upper()
                or a.casefold() == b.casefold()
                or re.fullmatch(f"(?i:{re.escape(a)})", b)
                or re.fullmatch(f"(?i:{re.escape(b)})", a)
            ):
                alike |= {a, b}
    return alike
