"""``eventx_sentences``: rule-based sentence boundaries for news text.

Works on ``spacy.blank``: a line break always starts a sentence (headlines, list items,
footers); ".", "!", "?" start one when the next word looks like a sentence start. Ordinals
before months ("31. Juli") and abbreviations ("Mrd.", "z. B.") do not end a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import data

_TERMINAL = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
_CLOSERS = frozenset({"“", "”", '"', "»", "«", "'", "’", ")", "]"})
_YEARISH = re.compile(r"^\d{4}\.$|^\d{3,}\.$")
_ORDINAL = re.compile(r"^\d{1,2}\.$")


class SentenceSplitter:
    """Set ``token.is_sent_start`` for every token of a Doc."""

    def __init__(self, lang: str) -> None:
        words = data(lang, "sentences")
        self.months = frozenset(words.get("months", ()))
        self.closing_abbrevs = frozenset(words.get("closing_abbreviations", ()))
        self.starters = frozenset(words.get("sentence_starters", ()))

    def _starts_sentence(self, tok) -> bool:  # noqa: ANN001 - spaCy Token
        t = tok.text
        return bool(t) and (t[0].isupper() or t[0].isdigit() or t[0] in "„“\"«»‚'([–-•*")

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        doc[0].is_sent_start = True
        boundary_next = False
        for i in range(1, n):
            prev, tok = doc[i - 1], doc[i]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                boundary_next = True
            start = False
            if boundary_next and not tok.is_space:
                start = True
            elif not tok.is_space and not tok.text in _CLOSERS:
                # find the last non-closing token before tok
                j = i - 1
                while j > 0 and (doc[j].text in _CLOSERS or doc[j].is_space):
                    j -= 1
                last = doc[j].text
                low = last.lower()
                if last in _TERMINAL or (len(last) > 1 and last[-1] in "!?" and not last[-2].isalnum()):
                    start = self._starts_sentence(tok)
                elif _YEARISH.match(last):
                    # "im Jahr 2025. Der Konzern": German tokenizer keeps the period on years
                    start = self._starts_sentence(tok) and tok.lower_ not in self.months
                elif _ORDINAL.match(last):
                    start = False  # "31. Juli", "3. Quartal", "1. FC"
                elif low in self.closing_abbrevs:
                    start = tok.lower_ in self.starters and tok.text[0].isupper()
            tok.is_sent_start = start
            if start:
                boundary_next = False
        return doc


@Language.factory("eventx_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    """Factory of the sentence component (language taken from ``nlp.lang``)."""
    return SentenceSplitter(nlp.lang)
