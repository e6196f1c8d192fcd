"""``eventx_sentences``: rule-based sentence boundaries for news text.

Works on ``spacy.blank``: a line break starts a sentence (headlines, list items, footers),
except a single one between a word and a word in lower case (wrapped text); ".", "!", "?"
start one when the next word looks like a sentence start. Ordinals before months ("31.
Juli") and abbreviations ("Mrd.", "z. B.") do not end a sentence (the tokenizer keeps most
abbreviations as one token; ``lang/<lang>/sentences.toml`` has the rest). No sentence is
longer than ``MAX_SENTENCE_TOKENS`` tokens.

Only the places where a boundary is possible are looked at: one regular expression over
the text finds line breaks and sentence-final punctuation, and the boundaries are written
to the Doc in one array operation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import sub

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..lang import data
from .extensions import doc_text

_CLOSERS = frozenset({"“", "”", '"', "»", "«", "'", "’", ")", "]"})
_TERMINAL = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
_YEARISH = re.compile(r"^\d{3,}\.$")
_ORDINAL = re.compile(r"^\d{1,2}\.$")
# a line break ("\n", "\r\n", or a lone "\r" of old Mac text), or sentence-final
# punctuation with optional closing quotes/brackets, then white space; group "next1" (after
# a line break) or "next2" is where the following token starts. Of a run of line breaks only
# the last one matches (no "\n" in the white space after it): "\n\s*\S" tried from every
# line break of a long blank run scanned the run again each time (quadratic). The pattern
# begins with the character it is found at, so the regex engine skips quickly to the places
# to try; what follows is a look-ahead, so every such character is tried.
_CANDIDATE = re.compile(
    r"[\n\r.!?…](?:"
    r"(?:(?<=\n)|(?<=\r)(?!\n))(?=[^\S\n\r]*(?P<next1>\S))"
    r"|(?<=[.!?…])(?=[“”\"»«'’)\]]*[ \t\u00a0\u2009\u202f]+(?P<next2>\S)))"
)
# <br>, <p>, </p>, <div> ... in crawled text separate lines like a line break
_BLOCK_TAG = re.compile(r"<(?:br|/?p|/?div|/?li|/?h\d)\b[^<>]{0,200}>\s*(?P<next3>[^\s<])", re.I)
_STARTS = "„“\"«»‚'([–-•*"

#: The longest sentence, in tokens. News sentences stay far below (the gold texts: 48);
#: longer runs without a boundary are tables, lists or text without punctuation, and the
#: event component's work per sentence grows with the square of its length. A longer
#: sentence is cut after a clause mark or line-like space in the second half of the window,
#: else at the limit.
MAX_SENTENCE_TOKENS = 200
_CUT_AFTER = frozenset({",", ";", ":", "–", "—", ")", "|", "/", "•"})


def _wrapped(doc: Doc, text: str, t: int) -> bool:
    """Whether the line break before token ``t`` only wraps a sentence: a single line break
    ("\n" or "\r\n") between a word or comma and a word in lower case ("... seine
    Ladesparte\r\nfür 1,2 Milliarden Euro verkaufen.")."""
    word = doc[t].text
    if not word[:1].islower():
        return False
    j = t - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    prev = doc[j]
    if prev.is_space or not (prev.text[-1:].isalnum() or prev.text[-1:] == ","):
        return False
    gap = text[prev.idx + len(prev.text) : doc[t].idx]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1


def _token_text(text: str, idx: list[int], j: int) -> str:
    """The text of token ``j``, from the token starts ``idx`` (with the end of the text
    last): up to the next token, without the one space that may follow it. spaCy splits
    words at white space, so only a space token (two spaces, a line break) can end in a
    space of its own; it may lose it here, but stays white space, which is all the splitter
    asks of it."""
    piece = text[idx[j] : idx[j + 1]]
    return piece[:-1] if piece[-1] == " " and len(piece) > 1 else piece


def _too_long(found: list[int], n: int) -> bool:
    """Whether a sentence is longer than ``MAX_SENTENCE_TOKENS``, ``found`` the tokens that
    start one (in any order, maybe twice)."""
    bounds = sorted(found)
    bounds.append(n)
    return max(map(sub, bounds[1:], bounds)) > MAX_SENTENCE_TOKENS


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in _STARTS)


class SentenceSplitter:
    """Set sentence starts for every token of a Doc."""

    def __init__(self, lang: str) -> None:
        words = data(lang, "sentences")
        self.months = frozenset(words.get("months", ()))
        self.closing_abbrevs = frozenset(words.get("closing_abbreviations", ()))
        self.starters = frozenset(words.get("sentence_starters", ()))

    def _after_punct(self, text: str, idx: list[int], nxt: int) -> bool:
        """Whether a sentence starts at token ``nxt``, which follows sentence-final
        punctuation (possibly followed by closing quotes). Token texts are read from
        ``text`` by the token starts ``idx``, without a Token object each."""
        j = nxt - 1
        last = _token_text(text, idx, j)
        while j > 0 and (last.isspace() or last in _CLOSERS):
            j -= 1
            last = _token_text(text, idx, j)
        if last in _TERMINAL or (len(last) > 1 and last[-1] in "!?" and not last[-2].isalnum()):
            return _starts_sentence(text[idx[nxt]])
        if _YEARISH.match(last):
            # "im Jahr 2025. Der Konzern": the German tokenizer keeps the period on years
            nxt_text = _token_text(text, idx, nxt)
            return _starts_sentence(nxt_text) and nxt_text.lower() not in self.months
        if _ORDINAL.match(last):
            return False  # "31. Juli", "3. Quartal", "1. FC"
        if last.lower() in self.closing_abbrevs:
            nxt_text = _token_text(text, idx, nxt)
            return nxt_text[:1].isupper() and nxt_text.lower() in self.starters
        return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        # where each token starts, and where the text ends (the end of the last token)
        idx = doc.to_array(IDX).tolist()
        idx.append(len(text))
        found = [0]
        for m in _CANDIDATE.finditer(text):
            pos = m.start("next1")
            line_break = pos >= 0
            if not line_break:
                pos = m.start("next2")
            t = bisect_right(idx, pos, 0, n) - 1
            if t <= 0 or idx[t] != pos:
                continue  # inside a token ("Mrd.,"), or the first token
            if line_break:
                # only a line break before a word in lower case can be wrapped text
                if not text[pos].islower() or not _wrapped(doc, text, t):
                    found.append(t)
            elif self._after_punct(text, idx, t):
                found.append(t)
        if "<" in text:
            for m in _BLOCK_TAG.finditer(text):
                t = bisect_right(idx, m.start("next3"), 0, n) - 1
                if t > 0 and idx[t] == m.start("next3"):
                    found.append(t)
        starts = numpy.full((n, 1), -1, dtype="int64")
        starts[found, 0] = 1
        if n > MAX_SENTENCE_TOKENS and _too_long(found, n):
            self._cap(doc, starts)
        # -1 ("not a start") as the unsigned value from_array expects, without a copy
        doc.from_array([SENT_START], starts.view("uint64"))
        return doc

    @staticmethod
    def _cap(doc: Doc, starts: numpy.ndarray) -> None:
        """Cut sentences longer than ``MAX_SENTENCE_TOKENS`` (in place)."""
        n = len(doc)
        bounds = numpy.append(numpy.flatnonzero(starts[:, 0] == 1), n)
        limit = MAX_SENTENCE_TOKENS
        cuts = []
        # only the sentences that are too long
        for k in numpy.flatnonzero(numpy.diff(bounds) > limit).tolist():
            start, end = int(bounds[k]), int(bounds[k + 1])
            while end - start > limit:
                cut = start + limit
                for i in range(start + limit, start + limit // 2, -1):
                    prev = doc[i - 1]
                    if prev.text in _CUT_AFTER or prev.is_space:
                        cut = i
                        break
                cuts.append(cut)
                start = cut
        if cuts:
            starts[cuts, 0] = 1


@Language.factory("eventx_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    """Factory of the sentence component (language taken from ``nlp.lang``)."""
    return SentenceSplitter(nlp.lang)
