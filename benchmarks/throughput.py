"""Throughput of eventx against spaCy's tokenizer alone (the ceiling) and en_core_web_sm.

Generates a corpus of German and English articles (``corpus.py``, seeded, 300-800 words
each), then runs every measurement in a fresh process so that each has its own start-up and
peak memory:

- ``tokenizer``: ``spacy.blank(lang)`` over the texts of each language (the ceiling);
- ``eventx``: ``Extractor.pipe`` on one core, language and date given per article;
- ``eventx (detect)``: the same, language detected per article;
- ``eventx (zones)``: ``vocab_budget=0``, every batch in a spaCy memory zone;
- ``eventx --jobs 2``: ``n_process=2``, worker start-up included;
- ``en_core_web_sm``: when installed (never downloaded), over the English texts, beside
  eventx over the same texts;
- the cost of the tokenizer and of each pipeline component, per language;
- import time and the time of the first ``extract`` call (pipeline build included).

With ``--repeat N`` every measurement runs N times, in rounds over all of them (so that a
slow spell of a shared machine hits every row alike), and the fastest run of each counts.

Prints a table and writes it to ``docs/performance.md``:

    python benchmarks/throughput.py                 # 2,000 articles
    python benchmarks/throughput.py --repeat 3      # fastest of three runs each
    python benchmarks/throughput.py --n 400 --no-write   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

#: the statistical pipeline users would run instead (never downloaded; ``--sm-model``)
SM_MODEL = "en_core_web_sm"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


# -- measurements, each run in its own process ------------------------------------------------
def _load(corpus: str) -> list[dict[str, str]]:
    with open(corpus, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def measure(mode: str, corpus: str, sm_model: str = SM_MODEL) -> dict[str, object]:
    """Run one measurement in this process; returns its figures."""
    recs = _load(corpus)
    if mode == "tokenizer":
        import spacy

        t = 0.0
        for lang in ("de", "en"):
            texts = [r["text"] for r in recs if r["lang"] == lang]
            nlp = spacy.blank(lang)
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            t += time.perf_counter() - start
        texts = [r["text"] for r in recs]
    elif mode == "sm":
        import spacy

        texts = [r["text"] for r in recs if r["lang"] == "en"]
        nlp = spacy.load(sm_model)
        list(nlp.pipe(texts[:5]))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        t = time.perf_counter() - start
    elif mode.startswith("eventx"):
        import eventx

        kind = mode.removeprefix("eventx").strip("-")
        only_en = kind == "en"
        use = [r for r in recs if r["lang"] == "en"] if only_en else recs
        detect = kind == "detect"
        items = [
            eventx.Article(text=r["text"], lang=None if detect else r["lang"],
                           published=r["published"], id=r["id"])
            for r in use
        ]
        ex = eventx.Extractor(vocab_budget=0 if kind == "zones" else eventx.api.VOCAB_BUDGET)
        for lang in ("de", "en"):  # build the pipelines outside the timing
            ex.extract({"de": "Die Firma wächst.", "en": "The firm grows."}[lang], lang=lang)
        if detect:
            ex.extract("The firm grows strongly in Europe.")
        n_process = 2 if kind == "jobs2" else 1
        start = time.perf_counter()
        events = sum(len(found) for found in ex.pipe(items, n_process=n_process))
        t = time.perf_counter() - start
        texts = [r["text"] for r in use]
        return {"docs": len(texts), "words": _words(texts), "seconds": t,
                "peak_mb": _peak_mb(), "events": events}
    elif mode == "components":
        return _components(recs)
    elif mode == "startup":
        start = time.perf_counter()
        import eventx

        imported = time.perf_counter() - start
        de = next(r for r in recs if r["lang"] == "de")
        start = time.perf_counter()
        eventx.extract(de["text"], lang="de", published=de["published"])
        first = time.perf_counter() - start
        start = time.perf_counter()
        eventx.extract(de["text"], lang="de", published=de["published"])
        second = time.perf_counter() - start
        en = next(r for r in recs if r["lang"] == "en")
        start = time.perf_counter()
        eventx.extract(en["text"], published=en["published"])
        first_en = time.perf_counter() - start
        return {"import_s": imported, "first_call_s": first, "second_call_s": second,
                "first_call_other_lang_detect_s": first_en}
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return {"docs": len(texts), "words": _words(texts), "seconds": t, "peak_mb": _peak_mb()}


def _components(recs: list[dict[str, str]]) -> dict[str, object]:
    """Seconds spent in the tokenizer and in each component, per language: the pipeline
    run by hand, component by component, on every text (best of two runs). Docs are made
    as ``Extractor`` makes them (``pipeline.make_doc`` keeps the text, which spaCy would
    otherwise join again from the tokens in the first component that reads it)."""
    from eventx.api import load
    from eventx.pipeline import make_doc

    out: dict[str, dict[str, float]] = {}
    for lang in ("de", "en"):
        texts = [r["text"] for r in recs if r["lang"] == lang]
        nlp = load(lang)
        list(nlp.pipe(texts[:20]))
        best: dict[str, float] = {}
        for _ in range(2):
            spent = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
            for text in texts:
                start = time.perf_counter()
                doc = make_doc(nlp, text)
                spent["tokenizer"] += time.perf_counter() - start
                for name, proc in nlp.pipeline:
                    start = time.perf_counter()
                    doc = proc(doc)
                    spent[name] += time.perf_counter() - start
            best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
        out[lang] = {"docs": len(texts), **best}
    return out


def _run(mode: str, corpus: str, sm_model: str = SM_MODEL) -> dict[str, object] | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", mode, "--corpus", corpus,
           "--sm-model", sm_model]
    # one core: no BLAS threads for the statistical model either
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if proc.returncode != 0:
        print(f"  {mode}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fastest(runs: list[dict[str, object]]) -> dict[str, object]:
    """The fastest of several runs of one measurement: the run with the fewest seconds, or
    for start-up and component costs the least of each figure."""
    if "seconds" in runs[0]:
        return min(runs, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
    def least(values: list[object]) -> object:
        if isinstance(values[0], dict):
            return {k: least([v[k] for v in values]) for k in values[0]}  # type: ignore[index]
        return min(values)  # type: ignore[type-var]
    return least(runs)  # type: ignore[return-value]


def _sm_installed(name: str = SM_MODEL) -> bool:
    code = f"import importlib.util,sys; sys.exit(importlib.util.find_spec({name!r}) is None)"
    return subprocess.run([sys.executable, "-c", code]).returncode == 0


# -- report -------------------------------------------------------------------------------------
def _rate(r: dict[str, object]) -> tuple[float, float]:
    s = float(r["seconds"])  # type: ignore[arg-type]
    return float(r["docs"]) / s, float(r["words"]) / s  # type: ignore[arg-type]


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=ROOT, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _memory_section(path: str) -> list[str]:
    """The table of a ``memory.py --json`` run."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    lines = [
        "## Memory of a long run",
        "",
        "Resident memory of one process extracting events from distinct generated articles "
        f"({data['novel']} invented words each, the worst case for spaCy's vocabulary), "
        f"with `vocab_budget={data['vocab_budget']}`; measured"
        + (f" at commit `{data['commit']}`" if data.get("commit") else "") + " with:",
        "",
        "```",
        data.get("command", "python benchmarks/memory.py"),
        "```",
        "",
        f"Baseline after building both pipelines: {data['base_mb']} MiB.",
        "",
        "| articles | RSS MiB | growth MiB | strings in both vocabularies | docs/s so far |",
        "|---:|---:|---:|---:|---:|",
    ]
    for c in data["checkpoints"]:
        lines.append(f"| {c['articles']:,} | {c['rss_mb']} | {c['growth_mb']} | "
                     f"{c['strings']:,} | {c['docs_per_s']} |")
    lines.append("")
    return lines


def report(results: dict[str, dict[str, object] | None], n: int, words: int, command: str,
           sm: bool, memory: list[str] | None = None, sm_model: str = SM_MODEL,
           repeat: int = 1) -> str:
    """The Markdown report (also printed)."""
    import spacy

    tok = results["tokenizer"]
    assert tok is not None
    tok_docs, tok_words = _rate(tok)
    lines = [
        "# Performance",
        "",
        f"Measured {date.today().isoformat()} at commit `{_commit()}` with:",
        "",
        "```",
        command,
        "```",
        "",
        f"Machine: {_cpu()}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}. Corpus: {n:,} generated articles (German and English "
        f"alternating, 300-800 words, {words:,} words in all) from `benchmarks/corpus.py`.",
        "Each row runs in a fresh process; pipelines are built before the clock starts "
        "(start-up is measured on its own below), except for worker processes with "
        "`--jobs 2`, whose start-up is included."
        + (f" Every measurement ran {repeat} times, in rounds over all rows; the fastest "
           "run of each is shown." if repeat > 1 else ""),
        "",
        "| run | docs/s | words/s | % of tokenizer | peak RSS MiB | events |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    labels = [
        ("tokenizer", "spaCy tokenizer alone (`spacy.blank`), the ceiling"),
        ("eventx", "eventx, 1 process (lang and date given)"),
        ("eventx-detect", "eventx, 1 process, language detected"),
        ("eventx-zones", "eventx, 1 process, every batch in a memory zone"),
        ("eventx-jobs2", "eventx, `n_process=2` (worker start-up included)"),
    ]
    for key, label in labels:
        r = results.get(key)
        if r is None:
            lines.append(f"| {label} | failed | | | | |")
            continue
        d, w = _rate(r)
        lines.append(
            f"| {label} | {d:,.0f} | {w:,.0f} | {100 * d / tok_docs:.1f} % | "
            f"{float(r['peak_mb']):,.0f} | {r.get('events', '')} |"  # type: ignore[arg-type]
        )
    lines.append("")
    ev = results.get("eventx")
    target = ""
    if ev is not None:
        share = 100 * _rate(ev)[0] / tok_docs
        target = (f"Target: eventx at least 25 % of tokenizer speed: **{share:.1f} %**, "
                  f"{'met' if share >= 25 else 'not met'}.")
    lines += [target, ""]
    if sm and results.get("sm") and results.get("eventx-en"):
        sm_d, sm_w = _rate(results["sm"])  # type: ignore[arg-type]
        ex_d, ex_w = _rate(results["eventx-en"])  # type: ignore[arg-type]
        lines += [
            "English texts only:",
            "",
            "| run | docs/s | words/s |",
            "|---|---:|---:|",
            f"| {sm_model} (one thread) | {sm_d:,.0f} | {sm_w:,.0f} |",
            f"| eventx | {ex_d:,.0f} | {ex_w:,.0f} |",
            "",
            f"Target: eventx at least 10 x faster than en_core_web_sm: **{ex_d / sm_d:.1f} x**, "
            f"{'met' if ex_d / sm_d >= 10 else 'not met'}.",
            "",
        ]
    else:
        lines += [f"{sm_model} is not installed here, so the comparison with it was "
                  "skipped (the benchmark never downloads it).", ""]
    comp = results.get("components")
    if comp:
        lines += [
            "## Cost per component",
            "",
            "Milliseconds per article spent in the tokenizer and in each component (the "
            "pipeline run component by component over every text of the language, best of "
            "two runs), and their share of the whole.",
            "",
            "| component | de ms/doc | de share | en ms/doc | en share |",
            "|---|---:|---:|---:|---:|",
        ]
        de, en = comp["de"], comp["en"]  # type: ignore[index]
        names = [k for k in de if k != "docs"]  # type: ignore[union-attr]
        tot = {lang: sum(float(c[k]) for k in names) for lang, c in (("de", de), ("en", en))}
        for k in names:
            cells = []
            for lang, c in (("de", de), ("en", en)):
                sec = float(c[k])  # type: ignore[index]
                cells += [f"{1000 * sec / float(c['docs']):.2f}",  # type: ignore[index]
                          f"{100 * sec / tot[lang]:.0f} %"]
            lines.append(f"| {k} | " + " | ".join(cells) + " |")
        lines.append("")
    st = results.get("startup")
    if st:
        lines += [
            "## Start-up",
            "",
            "| | seconds |",
            "|---|---:|",
            f"| `import eventx` | {float(st['import_s']):.2f} |",  # type: ignore[arg-type]
            f"| first `extract` (German, builds the pipeline) | "
            f"{float(st['first_call_s']):.2f} |",  # type: ignore[arg-type]
            f"| second `extract` (same text) | {float(st['second_call_s']):.3f} |",  # type: ignore[arg-type]
            f"| first `extract` of an English text, language detected (builds the English "
            f"pipeline, loads the language model) | "
            f"{float(st['first_call_other_lang_detect_s']):.2f} |",  # type: ignore[arg-type]
            "",
        ]
    lines += memory or []
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --measure, one measurement for the parent run)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=2000, help="articles to generate (default 2000)")
    p.add_argument("--seed", type=int, default=20250731)
    p.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    p.add_argument("--no-write", action="store_true", help="print only")
    p.add_argument("--memory-json", default=None,
                   help="add the figures of a `memory.py --json FILE` run to the report")
    p.add_argument("--sm-model", default=SM_MODEL,
                   help="installed statistical pipeline to compare with: en_core_web_sm (the "
                        "default) or a package that ships the same model")
    p.add_argument("--repeat", type=int, default=1,
                   help="run every measurement this many times and keep the fastest")
    p.add_argument("--measure", help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.corpus, args.sm_model)))
        return 0

    from corpus import generate

    given = argv if argv is not None else sys.argv[1:]
    command = " ".join(["python benchmarks/throughput.py", *given])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = str(Path(tmp) / "corpus.jsonl")
        words = 0
        with open(corpus, "w", encoding="utf-8") as fh:
            for art in generate(args.n, seed=args.seed):
                words += len(art.text.split())
                fh.write(json.dumps(art.record(), ensure_ascii=False) + "\n")
        sm = _sm_installed(args.sm_model)
        modes = ["startup", "tokenizer", "eventx", "eventx-detect", "eventx-zones",
                 "eventx-jobs2", "components"]
        if sm:
            modes += ["sm", "eventx-en"]
        runs: dict[str, list[dict[str, object]]] = {mode: [] for mode in modes}
        failed: set[str] = set()
        for round_ in range(1, max(1, args.repeat) + 1):
            for mode in modes:
                if mode in failed:
                    continue
                print(f"running {mode} ({round_}/{args.repeat}) ...", file=sys.stderr, flush=True)
                result = _run(mode, corpus, args.sm_model)
                if result is None:
                    failed.add(mode)
                else:
                    runs[mode].append(result)
        results: dict[str, dict[str, object] | None] = {
            mode: None if mode in failed else _fastest(found) for mode, found in runs.items()
        }
    memory = _memory_section(args.memory_json) if args.memory_json else None
    text = report(results, args.n, words, command, sm, memory, args.sm_model, args.repeat)
    print(text)
    if not args.no_write:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"\nwritten to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
