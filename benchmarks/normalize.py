"""Calls per second of the normalisers, and the amounts component against spaCy's tokenizer.

    python benchmarks/normalize.py [--seconds 1.0]

Inputs are the test tables (``tests/normalize/normalize_cases.py``). Each figure is the best
of five rounds, in calls per CPU second of this process (one core):

- ``cached``: the public functions on the table, over and over (all cache hits after the
  first round, what a DataFrame column with repeated cells sees);
- ``uncached``: the same table through the functions behind the result cache;
- ``unique``: generated inputs that are all different (every call a cache miss; 300,000
  of them are made ahead, more than the rounds use at these rates).

The last lines run the ``eventx_amounts`` component on the gold texts
(``fixtures/gold/*.jsonl``) and compare it with spaCy's bare tokenizer on the same texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import eventx
from eventx.normalize import money
from eventx.normalize import time as timex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "normalize"))
from normalize_cases import DATE_CASES, HORIZON_CASES, MONEY_CASES  # noqa: E402

GOLD = sorted((ROOT / "fixtures" / "gold").glob("*.jsonl"))


def rate(calls: Callable[[], int], seconds: float, rounds: int = 5) -> float:
    """Best calls per CPU second over ``rounds`` rounds of about ``seconds`` each.

    CPU time of this process (``time.process_time``) rather than wall-clock time, so that
    other work on the machine does not count: the figure is calls per second on one core.
    """
    best = 0.0
    for _ in range(rounds):
        n, start = 0, time.process_time()
        while (elapsed := time.process_time() - start) < seconds:
            n += calls()
        best = max(best, n / elapsed)
    return best


def table(func: Callable[..., object], rows: Sequence[tuple]) -> Callable[[], int]:
    """One pass of ``func`` over ``rows``."""

    def run() -> int:
        for args in rows:
            func(*args)
        return len(rows)

    return run


def unique(func: Callable[..., object], make: Callable[[int], tuple]) -> Callable[[], int]:
    """Calls of ``func`` on inputs never seen before (made ahead, so only the calls count)."""
    pool = [make(i) for i in range(300_000)]
    counter = [0]

    def run() -> int:
        base = counter[0] % len(pool)
        counter[0] += 500
        for args in pool[base : base + 500]:
            func(*args)
        return 500

    return run


def unique_money(i: int) -> tuple[str, str]:
    a, b = i % 997 + 1, i // 997
    forms = (
        (f"{a},{b} Mrd. Euro", "de"),
        (f"rund {a}.{b:03d} Mio. US-Dollar", "de"),
        (f"${a}.{b}bn", "en"),
        (f"between €{a}m and €{a + b + 1}m", "en"),
    )
    return forms[i % 4]


def unique_horizon(i: int) -> tuple[str, str, date]:
    published = date.fromordinal(730_000 + i)  # a new publication date every call
    forms = (
        (f"innerhalb der nächsten {i % 120 + 1} Monate", "de"),
        (f"bis Ende {2000 + i % 90}", "de"),
        (f"within {i % 120 + 1} months", "en"),
        ("by the end of the third quarter", "en"),
    )
    return (*forms[i % 4], published)


def gold_texts() -> list[tuple[str, str, date | None]]:
    out = []
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            pub = item.get("published")
            out.append((item["lang"], item["text"], date.fromisoformat(pub) if pub else None))
    return out


def component_rates(seconds: float) -> None:
    texts = gold_texts()
    if not texts:
        print("no gold texts: component figures skipped")
        return
    for lang in ("de", "en"):
        nlp = eventx.load(lang)
        component = dict(nlp.pipeline)["eventx_amounts"]
        items = [(text, pub) for lg, text, pub in texts if lg == lang]
        chars = sum(len(t) for t, _ in items)

        def tokenize(nlp=nlp, items=items) -> int:  # type: ignore[no-untyped-def]
            for text, _ in items:
                nlp.make_doc(text)
            return len(items)

        def both(nlp=nlp, items=items, component=component) -> int:  # type: ignore[no-untyped-def]
            for text, pub in items:
                doc = nlp.make_doc(text)
                doc._.published = pub
                component(doc)
            return len(items)

        tok, total = rate(tokenize, seconds), rate(both, seconds)
        print(
            f"{lang}: {len(items)} gold texts, {chars / len(items):.0f} chars each: "
            f"tokenizer {tok:,.0f} docs/s, tokenizer + eventx_amounts {total:,.0f} docs/s "
            f"({total / tok:.0%} of the tokenizer's rate)"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Normaliser and component throughput.")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one round")
    s = parser.parse_args(argv).seconds

    money_rows = [(text, lang) for _, lang, text, _ in MONEY_CASES]
    horizon_rows = [(text, lang, pub) for _, lang, text, pub, *_ in HORIZON_CASES]
    date_rows = [(text, lang, pub) for _, lang, text, pub, _ in DATE_CASES]
    runs = [
        (
            "parse_money",
            len(money_rows),
            [
                ("cached", table(eventx.parse_money, money_rows)),
                ("uncached", table(money._parse_money.__wrapped__, money_rows)),
                ("unique", unique(eventx.parse_money, unique_money)),
            ],
        ),
        (
            "parse_horizon",
            len(horizon_rows),
            [
                ("cached", table(eventx.parse_horizon, horizon_rows)),
                ("uncached", table(timex._parse_horizon.__wrapped__, horizon_rows)),
                ("unique", unique(eventx.parse_horizon, unique_horizon)),
            ],
        ),
        (
            "parse_event_date",
            len(date_rows),
            [
                ("uncached", table(timex._parse_event_date.__wrapped__, date_rows)),
            ],
        ),
    ]
    for name, n, variants in runs:
        print(f"{name} ({n} table cases)")
        for label, calls in variants:
            print(f"  {label:<9}{rate(calls, s):>12,.0f} calls/s")
    component_rates(s)


if __name__ == "__main__":
    main()
