"""Tokenizer rules for text as crawlers deliver it: HTML remnants and control characters
become tokens of their own instead of sticking to words ("verkaufen.</p>", "1,2&nbsp;Mrd.").

Only token boundaries change; the text (and so every offset) stays the caller's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff]"
_ENTITY = r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});"
_TAG = r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?/?>"
_TAG_OPEN = r"</?[a-zA-Z][a-zA-Z0-9]{0,9}"


def harden_tokenizer(nlp: Language) -> None:
    """Add prefix, suffix and infix rules for markup and control characters."""
    tok = nlp.tokenizer
    prefixes = [_CONTROL, _ENTITY, _TAG, *nlp.Defaults.prefixes]
    suffixes = [_CONTROL, _ENTITY, _TAG, _TAG_OPEN + r"$", ">", *nlp.Defaults.suffixes]
    infixes = [_CONTROL, _ENTITY, _TAG, *nlp.Defaults.infixes]
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
