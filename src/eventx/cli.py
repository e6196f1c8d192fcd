"""Command line: ``eventx extract``, ``eventx schema``.

Exit codes: 0 ok, 1 a bad input, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import evaluate

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class BadInput(Exception):
    """An input file or line that cannot be read."""


def _records_from_stream(stream: TextIO, name: str) -> Iterator[dict[str, Any]]:
    """JSON Lines records (``text``, optional ``id``/``lang``/``published``), or the whole
    stream as one text when it is not JSON Lines."""
    first = ""
    for first in stream:
        if first.strip():
            break
    if first.lstrip().startswith("{"):
        for lineno, line in enumerate([first], start=1):
            yield _record(line, name, lineno)
        for lineno, line in enumerate(stream, start=2):
            if line.strip():
                yield _record(line, name, lineno)
    else:
        yield {"id": name, "text": first + stream.read()}


def _record(line: str, name: str, lineno: int) -> dict[str, Any]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{name}:{lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise BadInput(f"{name}:{lineno}: expected an object with a 'text' string")
    rec.setdefault("id", f"{name}:{lineno}")
    return rec


def _inputs(files: Sequence[str]) -> Iterator[dict[str, Any]]:
    if not files or files == ["-"]:
        yield from _records_from_stream(sys.stdin, "<stdin>")
        return
    for f in files:
        path = Path(f)
        try:
            with path.open(encoding="utf-8") as fh:
                yield from _records_from_stream(fh, path.name)
        except OSError as exc:
            raise BadInput(f"{f}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise BadInput(f"{f}: not UTF-8 text") from None


def _rows(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    from .api import Extractor

    ex = Extractor(lang=args.lang)
    for rec in _inputs(args.files):
        published = rec.get("published", args.published)
        events = ex.extract(rec["text"], published, lang=rec.get("lang") or args.lang)
        for ev in events:
            yield {"id": rec.get("id"), **ev.model_dump(mode="json")}


def _flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "_"))
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


def _write(rows: Iterator[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt in ("csv", "table"):
        flat = [_flatten(r) for r in rows]
        cols: list[str] = []
        for r in flat:
            cols.extend(k for k in r if k not in cols)
        if fmt == "csv":
            w = csv.DictWriter(out, fieldnames=cols)
            w.writeheader()
            w.writerows(flat)
        else:
            show = [c for c in ("id", "type", "company_name", "status", "amount_value",
                                "amount_currency", "evidence_text") if c in cols]
            buf = io.StringIO()
            for r in flat:
                cells = [str(r.get(c, "") or "")[:60] for c in show]
                buf.write(" | ".join(cells) + "\n")
            out.write(" | ".join(show) + "\n" + buf.getvalue())


def _cmd_extract(args: argparse.Namespace) -> int:
    from .api import coerce_published
    from .errors import EventxError

    try:
        if args.published is not None:
            coerce_published(args.published)
        _write(_rows(args), args.format, sys.stdout)
    except (BadInput, EventxError, ValueError, TypeError) as exc:
        sys.stdout.flush()
        print(f"eventx: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eventx`` command."""
    p = argparse.ArgumentParser(prog="eventx", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events from text or JSON Lines files")
    ex.add_argument("files", nargs="*", help="text or JSON Lines files (default: stdin)")
    ex.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="jsonl")
    ex.add_argument("--lang", choices=["de", "en"], default=None)
    ex.add_argument("--published", default=None, help="publication date (ISO 8601)")
    ex.set_defaults(func=_cmd_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of one event")
    sc.set_defaults(func=_cmd_schema)
    evaluate.add_subcommand(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
