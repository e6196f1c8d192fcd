"""Run the Python examples of ``docs/*.md`` and compare what they print with the page.

The conventions (see ``docs/README.md``):

- Every ```` ```python ```` block of a page runs, in page order, in one namespace per page,
  with the repository root as the working directory.
- A ```` ```text ```` block right after a Python block (blank lines between are fine) is
  what that block prints; it must match exactly, up to white space at line ends. A block
  that prints something must be followed by one.
- A ```` ```console ```` block holds shell commands, each on a line starting with ``$ ``,
  followed by what it prints (standard output and error). Every command runs with the
  repository root as the working directory and this Python's scripts first on ``PATH``
  (so ``eventx`` is the command of the environment that runs the check).
- A block directly below the line ``<!-- docs: no-run -->`` is shown, not run (for
  what needs something the test machine lacks, such as a statistical spaCy model).

Usage::

    python docs/check_docs.py             # check every page; exit 1 on a difference
    python docs/check_docs.py --update    # write the real output into the text blocks
    python docs/check_docs.py docs/quickstart.md
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NO_RUN = "<!-- docs: no-run -->"


@dataclass
class Block:
    """A fenced block: its info string, body, and line numbers (0-based) of its fences."""

    lang: str
    body: str
    open_line: int
    close_line: int
    no_run: bool = False


@dataclass
class Example:
    """A Python block and the text block that shows its output (if any)."""

    code: Block
    shown: Block | None


@dataclass
class Outcome:
    """What an example printed, or the error it raised."""

    example: Example
    printed: str
    error: str | None = None


_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)")


def fenced_blocks(lines: list[str]) -> Iterator[Block]:
    """The fenced code blocks of a Markdown page, in order (a fence of n backticks is
    closed by a line of at least n backticks)."""
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if m is None:
            i += 1
            continue
        ticks, lang = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and not (
            lines[j].startswith(ticks) and not lines[j].strip().strip("`")
        ):
            j += 1
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        no_run = k >= 0 and lines[k].strip() == NO_RUN
        yield Block(lang, "".join(lines[i + 1 : j]), i, j, no_run)
        i = j + 1


def examples(lines: list[str]) -> list[Example]:
    """The runnable examples of a page: Python blocks with the text blocks that follow
    them, and console blocks (which show their own output)."""
    blocks = list(fenced_blocks(lines))
    out = []
    for n, block in enumerate(blocks):
        if block.no_run or block.lang not in ("python", "console"):
            continue
        if block.lang == "console":
            out.append(Example(block, block))
            continue
        shown = None
        if n + 1 < len(blocks) and blocks[n + 1].lang == "text":
            nxt = blocks[n + 1]
            between = lines[block.close_line + 1 : nxt.open_line]
            if all(not b.strip() for b in between):
                shown = nxt
        out.append(Example(block, shown))
    return out


def normalise(text: str) -> str:
    """Output as compared: no white space at line ends, no blank lines at the end."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


@contextlib.contextmanager
def _in_root() -> Iterator[None]:
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(old)


def run_console(body: str) -> str:
    """Run the ``$ `` commands of a console block; the block as it should read."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["COLUMNS"] = "100"  # commands that fit their output to the terminal
    out = []
    for line in body.splitlines():
        if not line.startswith("$ "):
            continue
        done = subprocess.run(
            line[2:],
            shell=True,
            check=False,
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        out.append(line)
        out.append(normalise(done.stdout))
    return normalise("\n".join(o for o in out if o))


def run_page(path: Path) -> list[Outcome]:
    """Run the examples of one page in order, in one namespace; stop at the first error."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    outcomes = []
    with _in_root():
        for ex in examples(lines):
            if ex.code.lang == "console":
                outcomes.append(Outcome(ex, run_console(ex.code.body)))
                continue
            buf = io.StringIO()
            code = compile(ex.code.body, f"{path.name}:{ex.code.open_line + 2}", "exec")
            try:
                with contextlib.redirect_stdout(buf):
                    exec(code, namespace)  # noqa: S102 - running our own documentation
            except Exception:  # noqa: BLE001 - reported with the page and line
                outcomes.append(Outcome(ex, buf.getvalue(), traceback.format_exc(limit=-3)))
                break
            outcomes.append(Outcome(ex, buf.getvalue()))
    return outcomes


def problems(path: Path) -> list[str]:
    """What differs between the page and what its examples do (empty: all good)."""
    out = []
    for o in run_page(path):
        where = f"{path.name}, block at line {o.example.code.open_line + 1}"
        if o.error is not None:
            out.append(f"{where} raised:\n{o.error}")
            continue
        printed = normalise(o.printed)
        shown = normalise(o.example.shown.body) if o.example.shown else None
        if shown is None and printed:
            out.append(f"{where} prints output the page does not show:\n{printed}")
        elif shown is not None and printed != shown:
            out.append(f"{where} prints\n{printed}\n--- but the page shows ---\n{shown}")
    return out


def update(path: Path) -> bool:
    """Write what the examples print into the page's text blocks; True if it changed."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    outcomes = run_page(path)
    for o in outcomes:
        if o.error is not None:
            raise RuntimeError(
                f"{path.name}: block at line {o.example.code.open_line + 1}:\n{o.error}"
            )
    # edit from the bottom up so that line numbers above stay valid
    for o in reversed(outcomes):
        printed = normalise(o.printed)
        body = [f"{line}\n" for line in printed.splitlines()]
        shown = o.example.shown
        if shown is not None and printed:
            lines[shown.open_line + 1 : shown.close_line] = body
        elif shown is not None:
            lines[o.example.code.close_line + 1 : shown.close_line + 1] = []
        elif printed:
            at = o.example.code.close_line + 1
            lines[at:at] = ["\n", "```text\n", *body, "```\n"]
    new = "".join(lines)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def pages() -> list[Path]:
    """The documentation pages with examples: ``docs/*.md``."""
    return sorted(HERE.glob("*.md"))


def main(argv: list[str] | None = None) -> int:
    """Check (or update) the pages; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", type=Path, help="pages (default: docs/*.md)")
    ap.add_argument("--update", action="store_true", help="rewrite the text blocks")
    args = ap.parse_args(argv)
    paths = [p.resolve() for p in args.pages] or pages()
    bad = 0
    for path in paths:
        if args.update:
            if update(path):
                print(f"updated {path.relative_to(ROOT)}")
            continue
        found = problems(path)
        bad += len(found)
        for p in found:
            print(p, end="\n\n", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
