"""Resident memory of one long-running process as it extracts events from distinct articles.

Every generated article brings new invented words (``--novel`` per article), the worst case
for spaCy's vocabulary, which otherwise keeps every string it has seen. Prints the resident
set size after each checkpoint (default 10k, 50k and 200k articles) and the number of strings
in the pipelines' vocabularies.

    python benchmarks/memory.py                      # eventx defaults (bounded)
    python benchmarks/memory.py --budget none --checkpoints 10000,50000   # unbounded, to compare
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402


def _commit() -> str:
    """The commit of the code measured (short hash), or "unknown" outside a git checkout."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=Path(__file__).resolve().parent, check=True
                              ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def rss_mb() -> float:
    """Resident set size of this process in MiB (Linux /proc, else peak from getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; prints one line per checkpoint and, with --json, a JSON summary."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--checkpoints", default="10000,50000,200000",
                   help="article counts to report at (default 10000,50000,200000)")
    p.add_argument("--budget", default="default",
                   help="Extractor vocab_budget: a number, 'none' (never use memory zones), "
                   "or 'default'")
    p.add_argument("--novel", type=int, default=20, help="invented words per article (20)")
    p.add_argument("--min-words", type=int, default=60)
    p.add_argument("--max-words", type=int, default=120)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--seed", type=int, default=99)
    p.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = p.parse_args(argv)

    import eventx
    from eventx import Article
    from eventx.api import VOCAB_BUDGET, load

    budget = {"default": VOCAB_BUDGET, "none": None}.get(args.budget.lower())
    if args.budget.lower() not in ("default", "none"):
        budget = int(args.budget)
    checkpoints = sorted(int(c) for c in args.checkpoints.split(","))
    ex = eventx.Extractor(vocab_budget=budget)
    for lang in ("de", "en"):  # build and warm both pipelines before the baseline
        ex.extract({"de": "Die Firma wächst.", "en": "The firm grows."}[lang], lang=lang)
    gc.collect()
    base = rss_mb()
    print(f"vocab_budget={budget}  novel words/article={args.novel}  "
          f"words/article={args.min_words}-{args.max_words}")
    print(f"{'articles':>9}  {'RSS MiB':>8}  {'growth':>7}  {'strings de+en':>13}  {'docs/s':>7}")
    print(f"{0:>9}  {base:8.1f}  {0:7.1f}  {_strings(load):>13}  {'':>7}")
    items = (
        Article(text=a.text, lang=a.lang, published=a.published, id=a.id)
        for a in generate(checkpoints[-1], seed=args.seed, novel=args.novel,
                          min_words=args.min_words, max_words=args.max_words)
    )
    results = []
    start = time.perf_counter()
    n = events = 0
    for found in ex.pipe(items, batch_size=args.batch_size):
        n += 1
        events += len(found)
        if n in checkpoints:
            gc.collect()
            rss = rss_mb()
            rate = n / (time.perf_counter() - start)
            strings = _strings(load)
            print(f"{n:>9}  {rss:8.1f}  {rss - base:7.1f}  {strings:>13}  {rate:7.0f}", flush=True)
            results.append({"articles": n, "rss_mb": round(rss, 1),
                            "growth_mb": round(rss - base, 1), "strings": strings,
                            "docs_per_s": round(rate)})
    command = "python benchmarks/memory.py " + " ".join(argv if argv is not None else sys.argv[1:])
    summary = {"command": command.strip(), "commit": _commit(), "vocab_budget": budget,
               "novel": args.novel, "base_mb": round(base, 1),
               "events": events, "checkpoints": results}
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


def _strings(load) -> int:  # noqa: ANN001 - eventx.api.load
    return sum(len(load(lang).vocab.strings) for lang in ("de", "en"))


if __name__ == "__main__":
    sys.exit(main())
