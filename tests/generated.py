"""Generated articles for the scale tests: the benchmark's seeded generator, loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"


def _corpus():  # noqa: ANN202 - a module
    mod = sys.modules.get("eventx_bench_corpus")
    if mod is None:
        spec = importlib.util.spec_from_file_location("eventx_bench_corpus", _PATH)
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules["eventx_bench_corpus"] = mod
        spec.loader.exec_module(mod)
    return mod


def articles(n: int, *, seed: int = 11, novel: int = 0, min_words: int = 60,
             max_words: int = 160) -> list[dict[str, str]]:
    """``n`` short generated articles (alternating de/en) as records with id/lang/published."""
    gen = _corpus().generate(n, seed=seed, novel=novel, min_words=min_words,
                             max_words=max_words)
    return [a.record() for a in gen]
