"""Calls per second of the normalisers, and the amounts component against spaCy's tokenizer.

    python benchmarks/normalize.py [--seconds 1.0]

Inputs are the test tables (``tests/normalize/normalize_cases.py``). Each figure is the best
of several rounds on one core:

- ``cached``: the public functions on the table, over and over (all cache hits after the
  first round, what a DataFrame column with repeated cells sees);
- ``uncached``: the same table through the functions behind the result cache;
- ``unique``: inputs that are all different (every call a cache miss).

The last lines compare the ``eventx_amounts`` component with spaCy's bare tokenizer on a
German and an English article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "normalize"))

from normalize_cases import DATE_CASES, HORIZON_CASES, MONEY_CASES  # noqa: E402

import eventx  # noqa: E402
from eventx.normalize import money, time as timex  # noqa: E402

ARTICLE_DE = (ROOT / "fixtures" / "articles" / "de_techkonzern_rechenzentren.txt")
ARTICLE_EN = (
    "Meta Platforms said on Tuesday it plans to sell $2.04bn of data center assets within the "
    "next 12 months, as the company looks for outside partners to share the cost of its AI "
    "infrastructure. The assets were reclassified as held for sale in June. Chief financial "
    "officer Susan Li told analysts the company was exploring ways to work with financial "
    "partners to co-develop data centers. Chief executive Mark Zuckerberg has said Meta will "
    "spend hundreds of billions of dollars on compute for superintelligence, and capital "
    "expenditure is expected to be between $66bn and $72bn this year. The board also declared "
    "a quarterly dividend of 52.5 cents a share. Revenue rose 22% to $47.5 billion in the second "
    "quarter, while operating margin widened by 3 percentage points to 43%. The company expects "
    "third-quarter revenue of $47.5bn to $50.5bn and plans to complete the sale by the end of "
    "the first half of 2026. Shares rose 11.5% in after-hours trading on Wednesday.\n"
)


def rate(calls: Callable[[], int], seconds: float, rounds: int = 5) -> float:
    """Best calls per second over ``rounds`` rounds of about ``seconds`` each."""
    best = 0.0
    for _ in range(rounds):
        n, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            n += calls()
        best = max(best, n / elapsed)
    return best


def table(func: Callable[..., object], rows: Sequence[tuple]) -> Callable[[], int]:
    def run() -> int:
        for args in rows:
            func(*args)
        return len(rows)

    return run


def unique(func: Callable[..., object], make: Callable[[int], tuple], size: int) -> Callable[[], int]:
    counter = [0]

    def run() -> int:
        base = counter[0]
        counter[0] += size
        for i in range(base, base + size):
            func(*make(i))
        return size

    return run


def unique_money(i: int) -> tuple[str, str]:
    forms = ("{a},{b} Mrd. Euro", "rund {a} Mio. US-Dollar", "${a}.{b}bn", "between €{a}m and €{c}m")
    form = forms[i % len(forms)]
    lang = "en" if form[0] in "$b" else "de"
    return form.format(a=i % 997 + 1, b=i % 89 + 10, c=i % 997 + 1000), lang


def unique_horizon(i: int) -> tuple[str, str, date]:
    forms = ("innerhalb der nächsten {n} Monate", "bis Ende {y}", "within {n} months",
             "by the end of the {q} quarter")
    form = forms[i % len(forms)]
    lang = "de" if form[0] in "ib" and form[1] != "y" else "en"
    quarter = ("first", "second", "third", "fourth")[i % 4]
    published = date(2000 + i % 40, i % 12 + 1, i % 28 + 1)
    return form.format(n=i % 120 + 1, y=2000 + i % 90, q=quarter), lang, published


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one round")
    args = parser.parse_args(argv)
    s = args.seconds

    money_rows = [(text, lang) for _, lang, text, _ in MONEY_CASES]
    horizon_rows = [(text, lang, pub) for _, lang, text, pub, *_ in HORIZON_CASES]
    date_rows = [(text, lang, pub) for _, lang, text, pub, _ in DATE_CASES]

    print(f"parse_money      cases={len(money_rows)}")
    print(f"  cached   {rate(table(eventx.parse_money, money_rows), s):>10,.0f} calls/s")
    print(f"  uncached {rate(table(money._parse_money.__wrapped__, money_rows), s):>10,.0f} calls/s")
    print(f"  unique   {rate(unique(eventx.parse_money, unique_money, 500), s):>10,.0f} calls/s")
    print(f"parse_horizon    cases={len(horizon_rows)}")
    print(f"  cached   {rate(table(eventx.parse_horizon, horizon_rows), s):>10,.0f} calls/s")
    print(f"  uncached {rate(table(timex._parse_horizon.__wrapped__, horizon_rows), s):>10,.0f} calls/s")
    print(f"  unique   {rate(unique(eventx.parse_horizon, unique_horizon, 500), s):>10,.0f} calls/s")
    print(f"parse_event_date cases={len(date_rows)} (a few rows use the dateparser fallback)")
    print(f"  uncached {rate(table(timex._parse_event_date.__wrapped__, date_rows), s):>10,.0f} calls/s")

    for lang, text in (("de", ARTICLE_DE.read_text(encoding="utf-8")), ("en", ARTICLE_EN)):
        nlp = eventx.load(lang)
        component = dict(nlp.pipeline)["eventx_amounts"]
        doc = nlp.make_doc(text)
        doc._.published = date(2025, 10, 30)
        tok = rate(lambda: (nlp.make_doc(text), 1)[1], s)
        amounts = rate(lambda: (component(doc), 1)[1], s)
        print(
            f"eventx_amounts {lang} ({len(text)} chars): tokenizer {tok:,.0f} docs/s, "
            f"component {amounts:,.0f} docs/s, tokenizer + component "
            f"{1 / (1 / tok + 1 / amounts):,.0f} docs/s ({amounts / tok:.1f}x the tokenizer's rate)"
        )


if __name__ == "__main__":
    main()
