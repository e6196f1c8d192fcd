"""Company recognition: speed on one core, and accuracy beside a statistical model.

    python benchmarks/companies.py [--repeat N] [--sm-model NAME]

Prints

- sentences per second of company recognition (tokenizer + ``eventx_sentences`` +
  ``eventx_companies``, the register already built) on the German and English test tables,
  and the time of the component relative to the bare tokenizer;
- precision / recall / F1 of named company mentions (ORG spans, exact boundaries) on the
  English table for eventx, and, when ``en_core_web_sm`` (or ``--sm-model``, a package that
  ships the same model) is installed, for that model's ORG entities on the same sentences. The model is never downloaded; without it that line says
  it was skipped.

The tables are the ones in ``tests/companies/company_cases.py`` (written for the tests).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "companies"))

import spacy  # noqa: E402
from company_cases import DE, EN  # noqa: E402

from eventx import pipeline  # noqa: E402


def _recogniser(lang: str) -> spacy.language.Language:
    nlp = pipeline.build(lang)
    keep = {"eventx_sentences", "eventx_companies"}
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.remove_pipe(name)
    return nlp


def speed(lang: str, texts: list[str], repeat: int) -> tuple[float, float]:
    """(sentences per second, component time / tokenizer time)."""
    nlp = _recogniser(lang)
    companies = nlp.get_pipe("eventx_companies")
    sentences = nlp.get_pipe("eventx_sentences")
    for text in texts:  # warm up
        nlp(text)
    batch = texts * repeat
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in batch]
    tokenize = time.perf_counter() - start
    docs = [sentences(d) for d in docs]
    start = time.perf_counter()
    for doc in docs:
        companies(doc)
    component = time.perf_counter() - start
    start = time.perf_counter()
    for text in batch:
        nlp(text)
    total = time.perf_counter() - start
    return len(batch) / total, component / tokenize


def _score(pred: list[set[tuple[int, int]]], gold: list[set[tuple[int, int]]]) -> tuple[float, ...]:
    tp = sum(len(p & g) for p, g in zip(pred, gold))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _gold_offsets(text: str, expected: list[tuple[str, str, str | None]]) -> set[tuple[int, int]]:
    found, pos = set(), 0
    for mention, _, _ in expected:
        start = text.index(mention, pos)
        found.add((start, start + len(mention)))
        pos = start + len(mention)
    return found


def accuracy(sm_model: str = "en_core_web_sm") -> None:
    texts = [c[1] for c in EN]
    gold = [_gold_offsets(c[1], c[2]) for c in EN]
    nlp = _recogniser("en")
    ours = []
    for doc in nlp.pipe(texts):
        ours.append(
            {
                (s.start_char, s.start_char + len(s._.value.mention))
                for s in doc.spans["companies"]
                if s.label_ == "ORG"
            }
        )
    p, r, f = _score(ours, gold)
    print(f"  eventx (blank pipeline)   P={p:.3f} R={r:.3f} F1={f:.3f}")
    if importlib.util.find_spec(sm_model) is None:
        print(f"  {sm_model:<25} skipped (not installed; it is never downloaded)")
        return
    model = spacy.load(sm_model)
    theirs = [
        {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"}
        for doc in model.pipe(texts)
    ]
    p, r, f = _score(theirs, gold)
    print(f"  {sm_model + ' ORG':<25} P={p:.3f} R={r:.3f} F1={f:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over each table")
    parser.add_argument("--sm-model", default="en_core_web_sm",
                        help="installed statistical pipeline to compare with")
    args = parser.parse_args()
    start = time.perf_counter()
    pipeline.build("en")  # builds the register once
    print(f"register and pipeline built in {time.perf_counter() - start:.2f} s")
    for lang, table in (("de", DE), ("en", EN)):
        per_second, relative = speed(lang, [c[1] for c in table], args.repeat)
        print(
            f"{lang}: {per_second:,.0f} sentences/s "
            f"({len(table)} sentences x {args.repeat}); "
            f"eventx_companies takes {relative:.2f}x the tokenizer's time"
        )
    print(f"English table ({len(EN)} sentences), named mentions, exact boundaries:")
    accuracy(args.sm_model)


if __name__ == "__main__":
    main()
