"""Command line: ``eventx extract``, ``eventx schema``.

Exit codes: 0 ok, 1 a bad input, 2 bad usage.

``eventx extract`` streams: it reads one input (a text file, or one line of JSON Lines) at a
time, runs them through ``Extractor.pipe`` in batches, and writes each event as soon as its
input is done, in input order, so memory does not grow with the size of the input.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import shutil
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import evaluate

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

if TYPE_CHECKING:  # pragma: no cover
    from .api import Article
    from .schema import BaseEvent


class BadInput(Exception):
    """An input file or line that cannot be read."""


@dataclass
class _Entry:
    """One input: the article to process, or why it cannot be."""

    id: str | int | None
    article: Article | None = None
    error: BadInput | None = None


def _records_from_stream(stream: TextIO, name: str) -> Iterator[_Entry]:
    """JSON Lines records (``text``, optional ``id``/``lang``/``published``), or the whole
    stream as one text when it is not JSON Lines."""
    from .api import Article

    first = ""
    for first in stream:
        if first.strip():
            break
    if first.lstrip().startswith("{"):
        yield _record(first, name, 1)
        for lineno, line in enumerate(stream, start=2):
            if line.strip():
                yield _record(line, name, lineno)
    else:
        yield _Entry(name, Article(id=name, text=first + stream.read()))


def _record(line: str, name: str, lineno: int) -> _Entry:
    from pydantic import ValidationError

    from .api import Article

    where = f"{name}:{lineno}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Entry(where, error=BadInput(f"{where}: not valid JSON ({exc.msg})"))
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return _Entry(where, error=BadInput(f"{where}: expected an object with a 'text' string"))
    ident = rec.get("id", where)
    fields = {k: rec.get(k) for k in ("lang", "published")}
    try:
        return _Entry(ident, Article(id=ident, text=rec["text"], **fields))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return _Entry(ident, error=BadInput(f"{where}: {problems}"))


def _inputs(files: Sequence[str]) -> Iterator[_Entry]:
    """Every input of the command, lazily: stdin, or each file in turn."""
    if not files or list(files) == ["-"]:
        yield from _records_from_stream(sys.stdin, "<stdin>")
        return
    for f in files:
        path = Path(f)
        try:
            with path.open(encoding="utf-8") as fh:
                yield from _records_from_stream(fh, path.name)
        except OSError as exc:
            yield _Entry(f, error=BadInput(f"{f}: {exc.strerror or exc}"))
        except UnicodeDecodeError:
            yield _Entry(f, error=BadInput(f"{f}: not UTF-8 text"))


class _Run:
    """Pairs ``Extractor.pipe`` results with their inputs, in order, and keeps count of
    what was skipped."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.skipped = 0
        self._queue: deque[_Entry] = deque()

    def _articles(self) -> Iterator[Article]:
        published = self.args.published
        for entry in _inputs(self.args.files):
            self._queue.append(entry)
            if entry.article is not None:
                art = entry.article
                if art.published is None and published is not None:
                    art = art.model_copy(update={"published": published})
                yield art

    def _bad(self, entry: _Entry) -> None:
        assert entry.error is not None
        if self.args.errors == "raise":
            raise entry.error
        self.skipped += 1
        logging.getLogger("eventx").error("eventx: skipped input (id=%r): %s", entry.id,
                                          entry.error)

    def _drain(self) -> None:
        """Report the unreadable inputs at the head of the queue."""
        while self._queue and self._queue[0].article is None:
            self._bad(self._queue.popleft())

    def _on_skip(self, index: int, ident: object, exc: BaseException) -> None:
        self.skipped += 1

    def events(self) -> Iterator[tuple[str | int | None, BaseEvent]]:
        """(input id, event) for every event, in input order."""
        from .api import Extractor

        ex = Extractor(lang=self.args.lang)
        progress = self.args.progress
        if progress is None:
            progress = sys.stderr.isatty()
        results = ex.pipe(
            self._articles(),
            batch_size=self.args.batch_size,
            n_process=self.args.jobs,
            progress=progress,
            errors=self.args.errors,
            on_skip=self._on_skip,
        )
        try:
            while True:
                try:
                    events = next(results)
                except StopIteration:
                    break
                except Exception:
                    self._drain()  # unreadable inputs before the one at fault come first
                    raise
                self._drain()
                entry = self._queue.popleft()
                for ev in events:
                    yield entry.id, ev
                self._drain()
            while self._queue:
                self._bad(self._queue.popleft())
        finally:
            results.close()  # type: ignore[attr-defined]


# -- output -----------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    """A CSV cell: exact decimals, ISO dates, true/false, empty for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _human_amount(ev: BaseEvent) -> str:
    for field in ("amount", "value", "valuation", "low", "high"):
        money = getattr(ev, field, None)
        if money is not None and hasattr(money, "currency"):
            v = money.value
            for div, suffix in ((10**12, "tn"), (10**9, "bn"), (10**6, "m"), (10**3, "k")):
                if abs(v) >= div:
                    num = f"{v / div:.2f}".rstrip("0").rstrip(".") + suffix
                    break
            else:
                num = format(v.normalize(), "f")
            return f"{'~' if money.approximate else ''}{num} {money.currency}"
    return ""


_TABLE = (("id", 14), ("type", 17), ("company", 20), ("status", 10), ("amount", 14),
          ("date", 10))


def _write_table(events: Iterable[tuple[Any, BaseEvent]], out: TextIO) -> None:
    """A table for people: fixed columns, the evidence filling the terminal's width."""
    width = shutil.get_terminal_size((120, 24)).columns
    used = sum(w + 2 for _, w in _TABLE)
    ev_width = max(20, width - used)
    cols = [*_TABLE, ("evidence", ev_width)]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for (_, w), cell in zip(cols, cells, strict=True):
            cell = " ".join(cell.split())
            if len(cell) > w:
                cell = cell[: w - 1] + "…"
            parts.append(cell.ljust(w))
        return "  ".join(parts).rstrip() + "\n"

    out.write(line([name for name, _ in cols]))
    out.write(line(["-" * w for _, w in cols]))
    for ident, ev in events:
        out.write(line([
            "" if ident is None else str(ident), ev.type, ev.company.name, ev.status,
            _human_amount(ev), ev.date.isoformat() if ev.date else "", ev.evidence.text,
        ]))


def _write(events: Iterable[tuple[Any, BaseEvent]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for ident, ev in events:
            out.write(json.dumps({"id": ident, **ev.model_dump(mode="json")},
                                 ensure_ascii=False) + "\n")
    elif fmt == "json":
        sep = "[\n"
        try:
            for ident, ev in events:
                out.write(sep + json.dumps({"id": ident, **ev.model_dump(mode="json")},
                                           ensure_ascii=False))
                sep = ",\n"
        except BrokenPipeError:
            raise
        except BaseException:  # a valid document even when an input stops the run
            out.write("[]\n" if sep == "[\n" else "\n]\n")
            raise
        out.write("[]\n" if sep == "[\n" else "\n]\n")
    elif fmt == "csv":
        from .rows import column_names, row

        w = csv.writer(out, lineterminator="\n")
        w.writerow(["id", *column_names()])
        for ident, ev in events:
            w.writerow([_cell(ident), *(_cell(v) for v in row(ev).values())])
    else:
        _write_table(events, out)


def _cmd_extract(args: argparse.Namespace) -> int:
    from .api import coerce_published
    from .errors import EventxError

    run = _Run(args)
    try:
        if args.published is not None:
            coerce_published(args.published)
        _write(run.events(), args.format, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (``eventx extract ... | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (BadInput, EventxError, ValueError, TypeError) as exc:
        sys.stdout.flush()
        notes = getattr(exc, "__notes__", [])
        where = f" ({notes[-1].removeprefix('eventx: ')})" if notes else ""
        print(f"eventx: {exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if run.skipped:
        print(f"eventx: skipped {run.skipped} bad input(s)", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return n


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eventx`` command."""
    p = argparse.ArgumentParser(prog="eventx", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events from text or JSON Lines files")
    ex.add_argument("files", nargs="*", help="text or JSON Lines files (default: stdin)")
    ex.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="jsonl")
    ex.add_argument("--lang", choices=["de", "en"], default=None)
    ex.add_argument("--published", default=None, help="publication date (ISO 8601)")
    ex.add_argument("--jobs", "-j", type=_positive, default=1,
                    help="worker processes, each with its own pipeline (default 1)")
    ex.add_argument("--batch-size", type=_positive, default=64,
                    help="texts per batch (default 64)")
    ex.add_argument("--errors", choices=["raise", "skip"], default="raise",
                    help="on a bad input: stop (raise, default) or log it and go on (skip); "
                    "either way the exit code is 1")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal)")
    ex.set_defaults(func=_cmd_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of one event")
    sc.set_defaults(func=_cmd_schema)
    evaluate.add_subcommand(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    eventx's log messages (skipped inputs, unsupported languages) go to stderr.
    """
    args = parser().parse_args(argv)
    log = logging.getLogger("eventx")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.WARNING)
    propagate = log.propagate
    log.addHandler(handler)
    log.propagate = False
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # the reader went away ("eventx schema | head"): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    finally:
        log.removeHandler(handler)
        log.propagate = propagate


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
