"""A small token-pattern language for trigger words and cue phrases in the language data.

A pattern is a sequence of *steps* separated by single spaces; each step matches one token:

- ``verkauf*``: glob on the token's normalised text (lower case, soft hyphens removed);
  ``*`` stands for any run of characters inside the token, ``*verkauf`` matches compounds
  such as "Rechenzentrumsverkauf"
- ``sell|sells|sold``: alternatives
- ``...``: a gap of up to ``MAX_GAP`` tokens inside the same sentence (separable German verbs:
  ``stößt|stieß ... ab``)
- a leading ``!`` on a pattern marks a negative pattern (used for exclusions).

Patterns compile once per language: a step of plain words to a set, a step with ``*`` to a
regular expression. Each pattern is looked up by one step, its *anchor* (the most specific
of its steps). Which anchor steps of which pattern sets a word matches is looked up once per
distinct lower-case form (its ``LOWER`` hash, read for the whole Doc in one array) for all
pattern sets together; inside the event component each set's candidate tokens are kept per
Doc, so asking a set about a sentence costs a bisection.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..doc_data import doc_text

__all__ = [
    "CLAUSE_MARKS", "MAX_GAP", "Pattern", "PatternSet", "Hit", "clause_marks", "forget_lowers",
    "lowers", "memo", "norm", "remember", "sentence_text", "span_text",
]

#: tokens that end a clause inside a sentence
CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
_CLAUSE_HASHES = frozenset(hash_string(m) for m in CLAUSE_MARKS)

MAX_GAP = 12
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def norm(token: Token) -> str:
    """Lower-cased token text without soft hyphens and zero-width characters."""
    return token.lower_.translate(_INVISIBLE)


_LOWERS_KEY = "eventx.lowers"


def lowers(doc: Doc) -> list[int]:
    """The ``LOWER`` hashes of all tokens, computed once per Doc while the event component
    runs (it removes them when done)."""
    cache = doc.user_data.get(_MEMO_KEY)
    if cache is not None:
        cached = cache.get(_LOWERS_KEY)
        if cached is None:
            cached = cache[_LOWERS_KEY] = doc.to_array(LOWER).tolist()
        return cached
    return doc.to_array(LOWER).tolist()


_MEMO_KEY = "eventx.memo"


def remember(doc: Doc) -> None:
    """Keep the results of :meth:`PatternSet.find`, :func:`clause_marks` and other per-span
    look-ups (:func:`memo`) for ``doc`` until :func:`forget_lowers`.

    The event component asks the same questions of a sentence once per trigger; a sentence
    with many triggers (a long run of repeated text) made that quadratic.
    """
    doc.user_data[_MEMO_KEY] = {}


def memo(doc: Doc) -> dict | None:
    """The memo of :func:`remember`, or None outside the event component."""
    return doc.user_data.get(_MEMO_KEY)


def sentence_text(sent: Span) -> str:
    """``sent.text``, built once per sentence while the event component runs."""
    cache = memo(sent.doc)
    if cache is None:
        return sent.text
    key = ("text", sent.start, sent.end)
    text = cache.get(key)
    if text is None:
        # a slice of the Doc's text: Span.text joins the text again from the tokens
        text = cache[key] = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text (:func:`doc_text`) instead of joined again
    from the tokens; for the event component, which holds the text while it runs."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def clause_marks(sent: Span) -> list[int]:
    """Token indices of the clause boundaries of a sentence (sorted)."""
    cache = memo(sent.doc)
    key = ("clause_marks", sent.start, sent.end)
    if cache is not None and key in cache:
        return cache[key]
    low = lowers(sent.doc)
    marks = [i for i in range(sent.start, sent.end) if low[i] in _CLAUSE_HASHES]
    if cache is not None:
        cache[key] = marks
    return marks


def forget_lowers(doc: Doc) -> None:
    """Drop the cached hashes of :func:`lowers` and the memo of :func:`remember`."""
    doc.user_data.pop(_LOWERS_KEY, None)
    doc.user_data.pop(_MEMO_KEY, None)


def _glob(alt: str) -> str:
    """The regex of one alternative of a step ("verkauf*" -> "verkauf.*")."""
    return ".*".join(re.escape(part) for part in alt.lower().split("*"))


class _Words:
    """A step of plain words only ("sold|verkauft"): a set look-up instead of a regex, with
    the regex's ``fullmatch`` and ``pattern``."""

    __slots__ = ("words", "pattern")

    def __init__(self, words: Iterable[str], pattern: str) -> None:
        self.words = frozenset(words)
        self.pattern = pattern

    def fullmatch(self, text: str) -> bool | None:
        return True if text in self.words else None


Step = re.Pattern[str] | _Words


@lru_cache(maxsize=4096)
def _step(step: str) -> Step:
    """A step's matcher; the same step in many patterns shares one (and the words it was
    asked about, see ``_StepWords``)."""
    alts = step.split("|")
    pattern = "(?:" + "|".join(_glob(alt) for alt in alts) + ")"
    if any("*" in alt for alt in alts):
        return re.compile(pattern)
    return _Words((alt.lower() for alt in alts), pattern)


def _globs(alternatives: Iterable[str]) -> re.Pattern[str] | None:
    """One regex of the alternatives with a ``*`` (None if there are none)."""
    found = sorted({_glob(alt) for alt in alternatives if "*" in alt})
    return re.compile("|".join(f"(?:{g})" for g in found)) if found else None


# spaCy's stop words of both languages: a step that can be one of them matches often
_COMMON = frozenset(GERMAN_STOP_WORDS | ENGLISH_STOP_WORDS)


def _specificity(step: str) -> float:
    """A rough measure of how rarely a step matches: the fewest fixed characters of its
    alternatives ("*börse" 5, "*" 0), a common word ("the", "die", "hundred") counting a
    quarter."""
    return min(
        len(alt.replace("*", "")) * (0.25 if alt in _COMMON else 1.0)
        for alt in step.lower().split("|")
    )


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: a list of (step regex, gap allowed before it), and the step
    looked up first (``anchor``).

    A pattern is looked up by the most specific of its steps ("as|to chief|ceo" by
    "chief|ceo", "for a total of" by "total", "hat|ist ... abberufen" by "abberufen"), so
    that common words ("to", "in", "die", "hat") do not each start a match attempt. When a
    gap lies before the anchor, the first step is searched for backwards, up to ``reach``
    tokens before the anchor.
    """

    source: str
    key: str
    steps: tuple[tuple[Step, bool], ...]
    anchor: int = 0
    #: how far before the anchor the first step can lie (in tokens)
    reach: int = 0
    #: the alternatives of the anchor step, as written ("verkauf*", "sold")
    anchor_alternatives: tuple[str, ...] = ()

    @classmethod
    def compile(cls, source: str, key: str) -> Pattern:
        steps: list[tuple[Step, bool]] = []
        parts: list[str] = []
        gap = False
        for part in source.split():
            if part == "...":
                gap = True
                continue
            steps.append((_step(part), gap))
            parts.append(part)
            gap = False
        if not steps:
            raise ValueError(f"empty pattern {source!r} for {key!r}")
        scores = [_specificity(part) for part in parts]
        anchor = scores.index(max(scores))
        before = [gap for _, gap in steps[1 : anchor + 1]]
        reach = sum(1 + (MAX_GAP if gap else 0) for gap in before)
        return cls(source, key, tuple(steps), anchor, reach, tuple(parts[anchor].split("|")))

    @property
    def gapped(self) -> bool:
        """Whether a gap lies before the anchor (then the first step can lie further back
        than one token per step)."""
        return self.reach > self.anchor


@dataclass(frozen=True)
class Hit:
    """A pattern found in a Doc: token indices of every step, in text order."""

    key: str
    tokens: tuple[int, ...]
    source: str

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1

    def span(self, doc: Doc) -> Span:
        """The span from the first to the last matched token."""
        return doc[self.start : self.end]


class _AnchorSteps:
    """Which anchor steps of which pattern sets each distinct word matches, for all pattern
    sets at once.

    The event component asks a few dozen pattern sets about every sentence. Looking a word up
    once for all of them (here) and keeping each set's candidate tokens per Doc
    (:func:`_candidates`) makes a question about a sentence cost a bisection instead of a
    pass over its tokens.
    """

    # Every distinct token text becomes a key, so a service reading news for weeks would fill
    # it; 50,000 entries stay under a few MB and still hold the words that recur.
    CACHE_LIMIT = 50_000

    def __init__(self, group: str | None = None) -> None:
        #: the key of this index's candidates in the per-Doc memo
        self.memo_key = ("eventx.candidates", group)
        self.sets: list[PatternSet] = []
        self.entries: dict[int, tuple[tuple[int, int], ...]] = {}
        # the anchor steps' plain alternatives ("sold", "verkauft") with the (set id, pattern
        # index) of each, and one regex of every set's globbed alternatives ("verkauf*"):
        # set look-ups, and regexes a quarter the size of one of all alternatives (compiling
        # that took a tenth of a second per language)
        self._plain: dict[str, list[tuple[int, int]]] | None = None
        self._globs: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def add(self, ps: PatternSet) -> int:
        with self._lock:
            self.sets.append(ps)
            self.entries = {}  # computed without the new set
            self._plain = None
            return len(self.sets) - 1

    def _prepare(self) -> dict[str, list[tuple[int, int]]]:
        plain: dict[str, list[tuple[int, int]]] = {}
        for sid, ps in enumerate(self.sets):
            for pi, p in enumerate(ps.patterns):
                for alt in p.anchor_alternatives:
                    if "*" not in alt:
                        plain.setdefault(alt.lower(), []).append((sid, pi))
        self._globs = _globs(alt for ps in self.sets for p in ps.patterns
                             for alt in p.anchor_alternatives)
        self._plain = plain
        return plain

    def lookup(self, key: int, strings) -> tuple[tuple[int, int], ...]:  # noqa: ANN001
        """(set id, pattern index) of every anchor step matching the word of hash ``key``."""
        found = self.entries.get(key)
        if found is not None:
            return found
        with self._lock:
            return self._lookup(key, strings[key].translate(_INVISIBLE))

    def _lookup(self, key: int, text: str) -> tuple[tuple[int, int], ...]:
        plain = self._plain if self._plain is not None else self._prepare()
        hits = set(plain.get(text, ()))
        if self._globs is not None and self._globs.fullmatch(text) is not None:
            for sid, ps in enumerate(self.sets):
                if ps.globs is not None and ps.globs.fullmatch(text) is not None:
                    hits.update(
                        (sid, pi) for pi, p in enumerate(ps.patterns)
                        if p.steps[p.anchor][0].fullmatch(text)
                    )
        found = tuple(sorted(hits))  # by set, then pattern
        if len(self.entries) >= self.CACHE_LIMIT:
            self.entries = {}  # bounded memory for long-running services
        self.entries[key] = found
        return found


# one index per group of pattern sets (a language's lexicon), so that a Doc is only looked
# up for the sets that can be asked about it
_INDEXES: dict[str | None, _AnchorSteps] = {}
_INDEXES_LOCK = threading.Lock()


def _index(group: str | None) -> _AnchorSteps:
    with _INDEXES_LOCK:
        index = _INDEXES.get(group)
        if index is None:
            index = _INDEXES[group] = _AnchorSteps(group)
        return index


class _StepWords:
    """Whether the word of a ``LOWER`` hash matches a step (a word's string, normalised and
    matched, costs ten dict look-ups), kept per step regex.

    Every distinct word that follows an anchor becomes a key, so a service reading news for
    weeks would fill it: all steps together keep at most ``LIMIT`` words (a few tens of MB),
    then start again.
    """

    LIMIT = 200_000

    def __init__(self) -> None:
        self.by_step: dict[Step, dict[int, bool]] = {}
        self.size = 0

    def match(self, rx: Step, key: int, strings) -> bool:  # noqa: ANN001
        known = self.by_step.get(rx)
        if known is None:
            known = self.by_step[rx] = {}
        ok = known.get(key)
        if ok is None:
            if self.size >= self.LIMIT:
                self.by_step, self.size = {}, 0
                known = self.by_step[rx] = {}
            ok = known[key] = rx.fullmatch(strings[key].translate(_INVISIBLE)) is not None
            self.size += 1
        return ok


_STEP_WORDS = _StepWords()
def _candidates(doc: Doc, index: _AnchorSteps) -> dict[int, tuple[list[int], list[int]]]:
    """Per pattern set of ``index``: the token indices where one of its anchor steps
    matches, and which pattern, in text order; built in one pass over the Doc while the event
    component runs."""
    cache = memo(doc)
    found = cache.get(index.memo_key) if cache is not None else None
    if found is not None:
        return found
    found = {}
    strings = doc.vocab.strings
    entries = index.entries
    for i, key in enumerate(lowers(doc)):
        hit = entries.get(key)
        if hit is None:
            hit = index.lookup(key, strings)
            entries = index.entries
        for sid, pi in hit:
            pair = found.get(sid)
            if pair is None:
                pair = found[sid] = ([], [])
            pair[0].append(i)
            pair[1].append(pi)
    if cache is not None:
        cache[index.memo_key] = found
    return found


class PatternSet:
    """Many patterns under keys (e.g. event types or statuses), matched together."""

    def __init__(self, patterns: Iterable[tuple[str, str]], group: str | None = None) -> None:
        """``group``: the sets asked about the same Docs (a language's lexicon) share the
        look-up of each word."""
        self.patterns = [Pattern.compile(src, key) for key, src in patterns]
        #: one regex of the globbed alternatives of the anchor steps (None if none has one)
        self.globs = _globs(alt for p in self.patterns for alt in p.anchor_alternatives)
        self._group = group
        self._index = _index(group)
        self._id = self._index.add(self)

    def __reduce__(self) -> tuple[object, ...]:
        # the word index is per process: a copy registers itself in the index it lands in
        return (PatternSet, ([(p.key, p.source) for p in self.patterns], self._group))

    def __len__(self) -> int:
        return len(self.patterns)

    @staticmethod
    def _follow(
        pat: Pattern, low: list[int], strings,  # noqa: ANN001
        idx: list[int], first: int, last: int, end: int,
    ) -> bool:
        """Match the steps ``first`` to ``last`` (exclusive) after the token ``idx[-1]``,
        each on the first token that fits (at most ``MAX_GAP`` tokens away after a gap),
        appending their tokens to ``idx``; False if a step finds none before ``end``."""
        step = _STEP_WORDS.match
        pos = idx[-1]
        for rx, gap in pat.steps[first:last]:
            stop = min(end, pos + 2 + (MAX_GAP if gap else 0))
            for k in range(pos + 1, stop):
                if step(rx, low[k], strings):
                    idx.append(k)
                    pos = k
                    break
            else:
                return False
        return True

    @classmethod
    def _rest(
        cls, pat: Pattern, low: list[int], strings, i: int, start: int, end: int  # noqa: ANN001
    ) -> list[tuple[int, ...]]:
        """The tokens of every match of ``pat`` whose anchor step is at token ``i``, inside
        ``[start, end)``. Without a gap before the anchor there is at most one."""
        step = _STEP_WORDS.match
        anchor = pat.anchor
        if pat.gapped:
            # every start that, matched forwards, reaches the anchor step at ``i``
            found = []
            first_rx = pat.steps[0][0]
            for first in range(max(start, i - pat.reach), i - anchor + 1):
                if not step(first_rx, low[first], strings):
                    continue
                idx = [first]
                if cls._follow(pat, low, strings, idx, 1, anchor + 1, end) and idx[-1] == i:
                    found.append(idx)
            if found and anchor + 1 < len(pat.steps):
                # the steps after the anchor follow from it whatever the start
                tail = [i]
                if not cls._follow(pat, low, strings, tail, anchor + 1, len(pat.steps), end):
                    return []
                for idx in found:
                    idx.extend(tail[1:])
            return [tuple(idx) for idx in found]
        if anchor:  # the steps before the anchor sit right before it (no gap there)
            first = i - anchor
            if first < start:
                return []
            for k in range(anchor):
                if not step(pat.steps[k][0], low[first + k], strings):
                    return []
            idx = list(range(first, i + 1))
        else:
            idx = [i]
        if not cls._follow(pat, low, strings, idx, anchor + 1, len(pat.steps), end):
            return []
        return [tuple(idx)]

    def _hits(
        self,
        low: list[int],
        strings,  # noqa: ANN001
        at: list[int],
        which: list[int],
        k: int,
        start: int,
        end: int,
    ) -> list[Hit]:
        """The hits of the candidates ``at[k:]`` (anchor token, pattern) that lie in
        ``[start, end)``, in text order (by first token, then pattern)."""
        out = []
        patterns = self.patterns
        n = len(at)
        anchored = False
        while k < n and at[k] < end:
            i, pi = at[k], which[k]
            pat = patterns[pi]
            if len(pat.steps) == 1:
                out.append((i, pi, Hit(pat.key, (i,), pat.source)))
            else:
                for toks in self._rest(pat, low, strings, i, start, end):
                    out.append((toks[0], pi, Hit(pat.key, toks, pat.source)))
                    anchored = anchored or pat.anchor > 0
            k += 1
        if anchored:
            out.sort(key=lambda item: item[:2])
        return [hit for _, _, hit in out]

    def finditer(self, doc: Doc, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Every hit whose tokens lie in ``doc[start:end]``, in text order."""
        end = len(doc) if end is None else end
        if not self.patterns:
            return iter(())
        low = lowers(doc)
        strings = doc.vocab.strings
        if memo(doc) is not None:
            at, which = _candidates(doc, self._index).get(self._id, ([], []))
        else:
            sid = self._id
            at, which = [], []
            for i in range(start, end):
                for s, pi in self._index.lookup(low[i], strings):
                    if s == sid:
                        at.append(i)
                        which.append(pi)
        return iter(self._hits(low, strings, at, which, bisect_left(at, start), start, end))

    def find(self, span: Span) -> list[Hit]:
        """Every hit inside ``span`` (a sentence, usually). The list is shared by later calls
        for the same span while the event component runs: do not change it."""
        doc = span.doc
        cache = doc.user_data.get(_MEMO_KEY)
        if cache is None:
            return list(self.finditer(doc, span.start, span.end))
        start, end = span.start, span.end
        found = cache.get(self._index.memo_key)
        if found is None:
            found = _candidates(doc, self._index)
        pair = found.get(self._id)
        if pair is None:
            return []
        at = pair[0]
        first = bisect_left(at, start)
        if first == len(at) or at[first] >= end:
            return []  # no anchor in the span: the common case, answered at once
        key = (self._id, start, end)
        hits = cache.get(key)
        if hits is None:
            hits = cache[key] = self._hits(
                cache[_LOWERS_KEY], doc.vocab.strings, at, pair[1], first, start, end
            )
        return hits

    def find_in(self, sent: Span, start: int, end: int) -> list[Hit]:
        """The hits of ``doc[start:end]``, a part of the sentence ``sent``: those of
        ``find(sent)`` that lie inside it (a match takes the first token that fits each step,
        wherever the span ends, so they are the same), without a look-up per part."""
        return [h for h in self.find(sent) if h.start >= start and h.end <= end]
