"""Tokenizer rules for text as crawlers deliver it: HTML remnants and control characters
become tokens of their own instead of sticking to words ("verkaufen.</p>", "1,2&nbsp;Mrd.").

Only token boundaries change; the text (and so every offset) stays the caller's.

The suffix search looks at the end of a string only. spaCy's tokenizer strips one suffix at
a time and searches the whole remaining string each time, so a long run of closing
punctuation ("))))...", "<<<<...", "&&&&...") costs time quadratic in its length (10,000
characters took about 20 s). Every suffix rule matches a bounded number of characters,
except runs (of periods, of eight or more symbols), which a fallback to the full search still
takes whole; the result is the same as searching the whole string. A run of eight or more
symbols is one token, so it costs one strip, not one per character. spaCy's URL match is
quadratic too on long strings full of colons; strings longer than ``URL_MAX`` are not taken
as URLs.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff]"
_ENTITY = r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});"
_TAG = r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?/?>"
_TAG_OPEN = r"</?[a-zA-Z][a-zA-Z0-9]{0,9}"
# punctuation between a word and markup ("verkaufen.<br>Mehr", "Euro.&nbsp;Der"): the pieces
# an infix split leaves are not split again, so the period would stay on the word
# a run of eight or more symbols (")))))))))", "„„„„„„„„", "////////", emoji) is one token:
# stripped one by one, each strip copied the rest of the string (quadratic in the run)
_SYMBOL_RUN = r"[^\w\s]{8,}"
_PUNCT_BEFORE_MARKUP = r"[.!?…,;:)\]\"“”»«'’]+(?=</?[a-zA-Z]|&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});)"

#: how many characters at the end of a string the suffix search looks at first; longer than
#: any bounded suffix rule (a tag inside one whitespace-free string has at most 14)
SUFFIX_WINDOW = 64


class TailSearch:
    """``rx.search`` for a suffix regex (every alternative ends in ``$``), in time bounded by
    ``window`` for long strings; use the bound method :meth:`search` as a tokenizer's
    ``suffix_search``.

    The tokenizer searches strings without white space (it splits at white space first);
    there the longest bounded suffix rule (a tag such as ``</abcdefghij>``) is shorter than
    ``window``, so a match that starts inside the last ``window`` characters is the leftmost
    match of the whole string too. A match starting
    right at the window's edge may reach further back (a run of periods): then the whole
    string is searched. Lookbehinds still see the characters before the window.

    ``pattern`` is the regex source, so spaCy's tokenizer serialisation (which reads
    ``suffix_search.__self__.pattern``) and pickling keep working.
    """

    def __init__(self, rx: re.Pattern[str], window: int = SUFFIX_WINDOW) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.window = window

    def search(self, string: str) -> re.Match[str] | None:
        """The leftmost suffix match of ``string``, or None."""
        edge = len(string) - self.window
        if edge <= 0:
            return self.rx.search(string)
        m = self.rx.search(string, edge)
        if m is None:
            return None
        return m if m.start() > edge else self.rx.search(string)


#: strings longer than this are never taken whole as a URL
URL_MAX = 600


class ShortMatch:
    """``rx.match`` for strings up to ``limit`` characters, None for longer ones; use the
    bound method :meth:`match` as a tokenizer's ``url_match``.

    spaCy's URL pattern takes time quadratic in the length of a string full of colons
    ("a:a:a:...", "x:@x:@..."): 10,000 such characters took seconds. A longer string is no
    URL worth keeping as one token; it is split like any other text. ``pattern`` keeps
    spaCy's serialisation working.
    """

    def __init__(self, rx: re.Pattern[str], limit: int = URL_MAX) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.limit = limit

    def match(self, string: str) -> re.Match[str] | None:
        """``rx.match(string)`` if ``string`` is short enough, else None."""
        return self.rx.match(string) if len(string) <= self.limit else None


def harden_tokenizer(nlp: Language) -> None:
    """Add prefix, suffix and infix rules for markup and control characters, and bound the
    cost of the suffix search and the URL match on long strings."""
    tok = nlp.tokenizer
    prefixes = [_CONTROL, _ENTITY, _TAG, _SYMBOL_RUN, *nlp.Defaults.prefixes]
    suffixes = [_CONTROL, _ENTITY, _TAG, _SYMBOL_RUN, _TAG_OPEN + r"$", ">", *nlp.Defaults.suffixes]
    infixes = [_CONTROL, _ENTITY, _TAG, _PUNCT_BEFORE_MARKUP, *nlp.Defaults.infixes]
    # every rule the tokenizer is given makes it tokenize its special cases (thousands of
    # abbreviations) again: set them without special cases, then give those back once
    special_cases = tok.rules
    tok.rules = {}
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = TailSearch(compile_suffix_regex(suffixes)).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    url = tok.url_match
    if url is not None and isinstance(getattr(url, "__self__", None), re.Pattern):
        tok.url_match = ShortMatch(url.__self__).match
    tok.rules = special_cases
