"""The public entry points: extract, extract_many, Extractor, Article.

Thin: validates input, picks the language, hands text to the cached spaCy pipeline of
``pipeline.py`` and returns ``doc._.events``.

Batches (``Extractor.pipe``, ``extract_many``) run through ``nlp.pipe``, language by
language, one session at a time per pipeline (see :class:`_Guard`): a session holds the
pipeline's lock and, once the shared vocabulary has learnt its budget of strings, a spaCy
memory zone, so that a long-running process does not grow without bound. With
``n_process > 1`` each worker process builds its own pipelines.

spaCy is imported on first use, not on ``import eventx``.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from .errors import InvalidInputError
from .langid import detect
from .normalize.time import coerce_date
from .schema import BaseEvent, Event

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future

    from spacy.language import Language
    from spacy.tokens import Doc

    from .explanations import Explanation

__all__ = [
    "Article", "Extractor", "extract", "extract_many", "load", "VOCAB_BUDGET", "ZONE_CHURN_LIMIT"
]

log = logging.getLogger("eventx")

Errors = Literal["raise", "skip"]

#: How many strings a pipeline's vocabulary may learn for good (beyond what it knows once
#: built) before every text is processed inside a spaCy memory zone. Learnt strings make the
#: tokenizer fast on common words; past the budget, new words are forgotten after each batch,
#: so memory stays bounded. About 400 bytes per string: 100,000 strings are ~40 MB.
VOCAB_BUDGET = 100_000

#: How many strings may go through memory zones of one pipeline before it is replaced by a
#: newly built one (about a second's work), which gives back the room its hash tables grew
#: to. Reached only by services that read millions of new words.
ZONE_CHURN_LIMIT = 1_000_000

# Text processed once, outside any memory zone, when a pipeline is first used by eventx, so
# that components that set themselves up lazily do it with permanent strings.
_WARM_UP = {
    "de": "Die Beispiel AG will ihr Werk für 2,5 Milliarden Euro verkaufen. Das meldete sie am "
    "31. Juli 2025 in Frankfurt.",
    "en": "Example Corp. plans to sell its plant for $2.5bn. It said so on July 31, 2025 in "
    "New York.",
}


class Article(BaseModel):
    """One news item for ``extract_many``: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    lang: str | None = None
    published: date | datetime | str | None = None
    id: str | int | None = None


def load(lang: str, model: str | None = None) -> Language:
    """The cached spaCy pipeline for ``lang``; ``doc._.events`` holds the events of a text.

    The pipeline is shared with every ``Extractor``. Calling it directly from several
    threads while extractors run is not safe; use ``Extractor`` for concurrent work.
    """
    from . import pipeline

    return pipeline.load(lang, model)


def _check_lang(lang: object) -> str:
    from . import pipeline

    return pipeline.check_lang(lang)


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise ``TypeError`` naming its type."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return text


def coerce_published(value: object) -> date | None:
    """``published`` as a ``date``: accepts date, datetime, ISO string or None; raises a
    ``ValueError`` naming anything else (the normalisers' own rule)."""
    return coerce_date(value)


def _pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces shorter than ``limit``, at paragraph or sentence ends where
    possible; yields (offset in text, piece)."""
    start, n = 0, len(text)
    while n - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + limit // 2, end)
            if cut != -1:
                cut += len(sep)
                break
        if cut <= start:
            cut = end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _shift(event: BaseEvent, offset: int) -> BaseEvent:
    if offset == 0:
        return event
    ev = event.evidence
    moved = ev.model_copy(update={"start": ev.start + offset, "end": ev.end + offset})
    return event.model_copy(update={"evidence": moved})


# -- one pipeline, used safely ----------------------------------------------------------------
class _Guard:
    """Serialises eventx's use of one cached ``Language`` and bounds its memory.

    spaCy's memory zone swaps the vocabulary's allocator for the whole ``Language``: strings
    added by any thread while a zone is open are freed when it closes, and zones must not
    nest. So every use of the pipeline by eventx holds ``lock``; the pipeline runs on the
    GIL anyway, so threads lose little by taking turns batch by batch.

    A zone frees the strings and lexemes of its batch, but the hash tables that held them
    keep their size (freed slots become tombstones, and tables double when those fill up),
    so ``churn`` counts the strings that went through zones; past :data:`ZONE_CHURN_LIMIT`
    the guard is ``stale`` and ``Extractor`` swaps in a newly built pipeline.
    """

    def __init__(self, nlp: Language) -> None:
        self.lock = threading.Lock()
        self.churn = 0
        with self.lock:
            warm = _WARM_UP.get(nlp.lang)
            if warm:
                nlp(warm)
            #: size of the vocabulary once built and warmed up
            self.base = len(nlp.vocab.strings)

    @property
    def stale(self) -> bool:
        """Whether so many strings went through memory zones that a new pipeline is due."""
        return self.churn >= ZONE_CHURN_LIMIT

    @contextmanager
    def session(self, nlp: Language, budget: int | None, zone: bool = True) -> Iterator[None]:
        """Hold the lock; inside a memory zone once ``budget`` new strings were learnt."""
        with self.lock:
            strings = nlp.vocab.strings
            if not (zone and budget is not None and len(strings) - self.base >= budget):
                yield
                return
            with nlp.memory_zone():
                before = len(strings)
                try:
                    yield
                finally:
                    self.churn += len(strings) - before


_GUARDS: weakref.WeakKeyDictionary[Language, _Guard] = weakref.WeakKeyDictionary()
_GUARDS_LOCK = threading.Lock()


def _guard(nlp: Language) -> _Guard:
    guard = _GUARDS.get(nlp)
    if guard is None:
        with _GUARDS_LOCK:
            guard = _GUARDS.get(nlp)
            if guard is None:
                guard = _GUARDS[nlp] = _Guard(nlp)
    return guard


# -- items ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Item:
    """One checked input: position in the stream, text, explicit language, date and id."""

    index: int
    text: str
    lang: str | None
    published: date | None
    id: str | int | None


def _prepare(index: int, item: object) -> _Item:
    """Check one item of ``pipe``; raises the error that the item deserves."""
    if isinstance(item, Article):
        check_text(item.text)
        lang = _check_lang(item.lang) if item.lang is not None else None
        return _Item(index, item.text, lang, coerce_published(item.published), item.id)
    if isinstance(item, str):
        return _Item(index, item, None, None, None)
    raise TypeError(f"items must be str or eventx.Article, got {type(item).__name__}")


Result = list[Event] | BaseException


class Extractor:
    """A reusable extractor. Safe to share between threads for reading.

    ``lang=None`` detects the language of every text; ``model`` names an installed spaCy
    pipeline whose components run before eventx's (e.g. for its ORG entities).
    ``vocab_budget`` is how many strings the shared vocabulary may learn for good before
    texts are processed inside spaCy memory zones (default :data:`VOCAB_BUDGET`); ``None``
    never uses memory zones (fastest, but memory grows with every new word).

    ``explain=True`` makes ``extract`` return an ``eventx.EventList`` that also carries
    why each event was produced (``.explanations``; ``pipe`` is not affected); see also
    ``Extractor.explain``.

    Threads take turns on a pipeline batch by batch (see ``_Guard``); for parallel work use
    ``pipe(..., n_process=N)``, which runs one pipeline per process.
    """

    def __init__(
        self,
        lang: str | None = None,
        *,
        model: str | None = None,
        vocab_budget: int | None = VOCAB_BUDGET,
        explain: bool = False,
    ) -> None:
        if lang is not None:
            _check_lang(lang)
        if vocab_budget is not None and vocab_budget < 0:
            raise ValueError(f"vocab_budget must be >= 0 or None, got {vocab_budget!r}")
        self.lang = lang
        self.model = model
        self.vocab_budget = vocab_budget
        self.explains = explain

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_extractor, (self.lang, self.model, self.vocab_budget, self.explains))

    # -- one text -------------------------------------------------------------------------
    def _lang_of(self, text: str, lang: str | None) -> str | None:
        lang = lang or self.lang
        if lang is not None:
            return _check_lang(lang)
        found = detect(text)
        if found is None:
            log.warning("eventx: language of text not supported (not de/en); no events")
        return found

    def _nlp(self, lang: str) -> tuple[Language, _Guard]:
        nlp = load(lang, self.model)
        guard = _guard(nlp)
        if guard.stale:
            from . import pipeline

            log.info("eventx: %d strings went through memory zones of the %s pipeline; "
                     "building a new one", guard.churn, lang)
            nlp = pipeline.refresh(lang, self.model, stale=nlp)
            guard = _guard(nlp)
        return nlp, guard

    def doc(self, text: str, published: date | datetime | str | None = None) -> Doc:
        """The processed ``Doc`` of ``text`` (one piece; for inspection in notebooks).

        Made outside any memory zone, so the Doc stays valid after the call.
        """
        from . import pipeline

        check_text(text)
        lang = self._lang_of(text, None) or "en"
        nlp, guard = self._nlp(lang)
        with guard.session(nlp, self.vocab_budget, zone=False):
            doc = pipeline.make_doc(nlp, text)
            doc._.published = coerce_published(published)
            return nlp(doc)

    def extract(
        self, text: str, published: date | datetime | str | None = None, *, lang: str | None = None
    ) -> list[Event]:
        """The events of one text (``[]`` for empty text or an unsupported language)."""
        if self.explains:
            from .display import EventList

            return EventList.of(self.explain(text, published, lang=lang), text=text)
        check_text(text)
        pub = coerce_published(published)
        if lang is not None:
            _check_lang(lang)
        result = self._process([_Item(0, text, lang, pub, None)])[0]
        if isinstance(result, BaseException):
            raise result
        return result

    # -- the engine -----------------------------------------------------------------------
    def _process(self, items: Sequence[_Item], batch_size: int = 64) -> list[Result]:
        """Events (or the error) of each item, in order; one pipeline session per language."""
        results: list[Result] = [[] for _ in items]
        by_lang: dict[str, list[int]] = {}
        for pos, item in enumerate(items):
            if not item.text.strip():
                continue
            try:
                lang = self._lang_of(item.text, item.lang)
            except Exception as exc:  # noqa: BLE001 - reported per item
                results[pos] = exc
                continue
            if lang is not None:
                by_lang.setdefault(lang, []).append(pos)
        for lang, positions in by_lang.items():
            nlp, guard = self._nlp(lang)
            with guard.session(nlp, self.vocab_budget):
                try:
                    found = self._run(nlp, [items[p] for p in positions], batch_size)
                except Exception:  # noqa: BLE001 - find the item(s) at fault, one by one
                    found = []
                    for p in positions:
                        try:
                            found.extend(self._run(nlp, [items[p]], 1))
                        except Exception as exc:  # noqa: BLE001 - reported per item
                            found.append(exc)
            for p, res in zip(positions, found, strict=True):
                results[p] = res
        return results

    @staticmethod
    def _run(nlp: Language, items: Sequence[_Item], batch_size: int) -> list[Result]:
        """Run ``nlp.pipe`` over the pieces of ``items``; events shifted to item offsets."""
        from . import pipeline

        owners: list[tuple[int, int]] = []  # (item position, offset) of each piece

        def docs() -> Iterator[Doc]:
            limit = nlp.max_length - 1
            for pos, item in enumerate(items):
                for offset, piece in _pieces(item.text, limit):
                    doc = pipeline.make_doc(nlp, piece)
                    doc._.published = item.published
                    owners.append((pos, offset))
                    yield doc

        out: list[Result] = [[] for _ in items]
        for i, doc in enumerate(nlp.pipe(docs(), batch_size=batch_size)):
            pos, offset = owners[i]  # the piece was made (and its owner noted) before this
            events = out[pos]
            assert isinstance(events, list)
            events.extend(_shift(e, offset) for e in doc._.events or [])
        return out

    def explain(
        self, text: str, published: date | datetime | str | None = None, *, lang: str | None = None
    ) -> list[Explanation]:
        """Why each event of ``text`` was produced: one ``Explanation`` per event of
        ``extract(text, published, lang=lang)``, in the same order, offsets into ``text``."""
        from .explanations import explain_text

        return explain_text(self, text, published, lang)

    # -- many texts -----------------------------------------------------------------------
    def pipe(
        self,
        items: Iterable[str | Article],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        progress: bool = False,
        errors: Errors = "raise",
        on_skip: Callable[[int, str | int | None, BaseException], None] | None = None,
    ) -> Iterator[list[Event]]:
        """One list of events per item, in input order, streaming.

        ``items`` are strings or ``Article``; they are read lazily, ``batch_size`` at a time
        (a few batches ahead with ``n_process > 1``), so memory does not depend on how many
        there are. ``n_process > 1`` (``-1``: one per CPU) runs that many worker processes,
        each with its own pipeline. ``progress=True`` shows a tqdm bar on stderr.

        ``errors="raise"`` raises a bad item's error when its turn comes (after the items
        before it were yielded). ``errors="skip"`` logs the item's index and id, yields
        ``[]`` for it, calls ``on_skip(index, id, error)`` if given, and goes on.
        """
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        if not isinstance(n_process, int) or n_process == 0 or n_process < -1:
            raise ValueError(f"n_process must be a positive int or -1, got {n_process!r}")
        if n_process == -1:
            n_process = os.cpu_count() or 1
        total = len(items) if hasattr(items, "__len__") else None  # type: ignore[arg-type]
        outcomes = self._outcomes(items, batch_size, n_process)
        return self._report(outcomes, errors, on_skip, progress, total)

    def _outcomes(
        self, items: Iterable[object], batch_size: int, n_process: int
    ) -> Iterator[_Outcome]:
        """(index, id, events or error) for every item, in order."""
        batches = _batches(items, batch_size)
        if n_process == 1:
            for batch in batches:
                out, slots, good = _check(batch)
                yield from _fill(out, slots, self._process(good, batch_size) if good else [])
        else:
            yield from _parallel(self, batches, n_process, batch_size)

    @staticmethod
    def _report(
        outcomes: Iterator[_Outcome],
        errors: Errors,
        on_skip: Callable[[int, str | int | None, BaseException], None] | None,
        progress: bool,
        total: int | None,
    ) -> Iterator[list[Event]]:
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, unit="doc", desc="eventx", dynamic_ncols=True)
        try:
            for index, ident, result in outcomes:
                if isinstance(result, BaseException):
                    if errors == "raise":
                        result.add_note(f"eventx: item {index} (id={ident!r})")
                        raise result
                    log.error(
                        "eventx: skipped item %d (id=%r): %s: %s",
                        index, ident, type(result).__name__, result,
                    )
                    if on_skip is not None:
                        on_skip(index, ident, result)  # type: ignore[arg-type]
                    result = []
                if bar is not None:
                    bar.update(1)
                yield result
        finally:
            outcomes.close()  # type: ignore[attr-defined]
            if bar is not None:
                bar.close()


def _rebuild_extractor(
    lang: str | None, model: str | None, budget: int | None, explain: bool = False
) -> Extractor:
    return Extractor(lang, model=model, vocab_budget=budget, explain=explain)


# A raw batch: (index, item as given) pairs; checked in ``_settle``.
_Raw = list[tuple[int, object]]


def _batches(items: Iterable[object], size: int) -> Iterator[_Raw]:
    batch: _Raw = []
    for index, item in enumerate(items):
        batch.append((index, item))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ident(item: object) -> str | int | None:
    return item.id if isinstance(item, Article) else None


_Outcome = tuple[int, object, Result]


def _check(batch: _Raw) -> tuple[list[_Outcome], list[int], list[_Item]]:
    """Check the items of a batch: outcomes so far (errors in place), slots of good items."""
    out: list[_Outcome] = []
    good: list[_Item] = []
    slots: list[int] = []
    for index, raw in batch:
        try:
            item = _prepare(index, raw)
        except Exception as exc:  # noqa: BLE001 - reported per item
            out.append((index, _ident(raw), exc))
            continue
        slots.append(len(out))
        out.append((index, item.id, []))
        good.append(item)
    return out, slots, good


def _fill(out: list[_Outcome], slots: list[int], results: list[Result]) -> list[_Outcome]:
    for slot, result in zip(slots, results, strict=True):
        index, ident, _ = out[slot]
        out[slot] = (index, ident, result)
    return out


# -- several processes ------------------------------------------------------------------------
_WORKER: Extractor | None = None


def _worker_init(extractor: Extractor) -> None:
    global _WORKER
    _WORKER = extractor


def _worker_process(items: list[_Item], batch_size: int) -> list[Result]:
    assert _WORKER is not None
    results = _WORKER._process(items, batch_size)
    return [_picklable(r) for r in results]


def _picklable(result: Result) -> Result:
    if isinstance(result, BaseException):
        try:
            pickle.loads(pickle.dumps(result))
        except Exception:  # noqa: BLE001 - send what can be sent
            return RuntimeError(f"{type(result).__name__}: {result}")
    return result


def _parallel(
    extractor: Extractor, batches: Iterator[_Raw], n_process: int, batch_size: int
) -> Iterator[_Outcome]:
    """Process batches in ``n_process`` worker processes; yield outcomes in input order.

    Workers are started with the ``spawn`` method (safe in threaded programs) and build
    their own pipelines. At most ``2 * n_process`` batches are in flight, so the input is
    read no further ahead than that.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=n_process, mp_context=ctx, initializer=_worker_init, initargs=(extractor,)
    )
    pending: deque[tuple[list[_Outcome], list[int], Future[list[Result]]]] = deque()

    def submit(batch: _Raw) -> None:
        out, slots, good = _check(batch)
        pending.append((out, slots, pool.submit(_worker_process, good, batch_size)))

    try:
        for batch in batches:
            submit(batch)
            while len(pending) >= 2 * n_process:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
    finally:
        for _, _, fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(entry: tuple[list[_Outcome], list[int], Future[list[Result]]]) -> list[_Outcome]:
    out, slots, fut = entry
    return _fill(out, slots, fut.result())


# -- module-level helpers ---------------------------------------------------------------------
_DEFAULT: dict[str | None, Extractor] = {}


def _extractor(lang: str | None) -> Extractor:
    ex = _DEFAULT.get(lang)
    if ex is None:
        ex = _DEFAULT[lang] = Extractor(lang)
    return ex


def extract(
    text: str, lang: str | None = None, published: date | datetime | str | None = None
) -> list[Event]:
    """The events of one text. ``lang`` "de", "en" or None (detect)."""
    check_text(text)
    if lang is not None:
        _check_lang(lang)
    return _extractor(lang).extract(text, published)


def extract_many(
    items: Iterable[str | Article],
    lang: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = False,
    errors: Errors = "raise",
) -> Iterator[list[Event]]:
    """One list of events per item, in input order. Items are strings or ``Article``.

    See ``Extractor.pipe`` for streaming, ``n_process``, ``progress`` and ``errors``.
    """
    if lang is not None:
        _check_lang(lang)
    return _extractor(lang).pipe(
        items, batch_size=batch_size, n_process=n_process, progress=progress, errors=errors
    )
