"""Fuzz the extractor and the normalisers: no crash, no hang, bounded time per input.

    python benchmarks/fuzz.py                          # 1,000,000 mutated inputs (default engine)
    python benchmarks/fuzz.py --inputs 20000 --seed 7  # a shorter run
    python benchmarks/fuzz.py --replay 123456          # run input no. 123456 of that seed again
    python benchmarks/fuzz.py --engine atheris -- -runs=1000000 -max_len=4096

Not part of the test suite. Every input goes through

- ``eventx.extract`` (German, English and detected language in turn; every tenth input with a
  publication date),
- ``eventx.parse_money`` and ``eventx.parse_horizon`` on a short piece of it (and, every
  25th input, on all of it),

and the results are checked: no exception (a ``str`` never raises), every evidence indexes
the input (``text[start:end] == evidence.text``), every event's JSON validates against
``eventx.json_schema()``, and every 50th input gives the same events a second time. Every
``--long-every``-th input is stretched to exactly 10,000 characters by repeating it (repeated
material is what makes a backtracking regular expression slow). No input may take more than
``--limit`` seconds in one call (the time of a call is measured alone, without the checks
and the second run): the limit is set for the 10,000-character inputs, and a shorter input
has less excuse (a 417-character one with a run of spaces once took 5 s).

Engines:

- ``mutate`` (default): a mutational loop over the texts in ``fixtures/`` and
  ``tests/companies/articles`` with a dictionary of odd material (HTML remnants, control
  characters, odd spaces and digits, mixed scripts, emoji, trigger words, amounts). Input
  ``i`` depends only on ``--seed`` and ``i``, so ``--replay i`` rebuilds it.
- ``atheris``: coverage-guided, when the ``atheris`` package is installed (``pip install
  atheris``); arguments after ``--`` go to libFuzzer.

A hang shows as a traceback on standard error (``faulthandler``) after ``--hang`` seconds;
inputs that fail or are slow are written to ``--out`` (``benchmarks/out/fuzz/``).

Lone surrogates ("\\udc80", what ``errors="surrogateescape"`` leaves in undecodable bytes)
are left out unless ``--surrogates`` is given: spaCy's tokenizer cannot hash them (a known
issue, see ``tests/robustness/test_odd_input.py``).
"""

from __future__ import annotations

import argparse
import faulthandler
import heapq
import json
import logging
import random
import sys
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONG = 10_000

# -- the material inputs are made of ---------------------------------------------------------

ODD = [
    "&nbsp;", "&euro;", "&#8364;", "&#x20AC;", "&amp;", "&lt;", "&gt;", "&quot;", "&shy;",
    "<br>", "<br/>", "</p>", "<p class=\"x\">", "<div>", "</li>", "<h2>", "<a href=\"/x\">",
    "<script>", "-->", "<!--", "<", ">", "&", "&#", "&#x;", "<br", "</",
    "\u00a0", "\u2009", "\u202f", "\u2007", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060",
    "\ufeff", "\u2028", "\u2029", "\u0085", "\r\n", "\r", "\n", "\n\n", "\t", "\x0b", "\x0c",
    "\x00", "\x07", "\x1b", "\x7f", "\u200e", "\u200f", "\u202e", "\u0301", "\u0308",
    "\ufffd", "\U0001f4c8", "\U0001f680", "\U0001f1e9\U0001f1ea", "\u2026", "...", "?!",
    "„", "“", "”", "«", "»", "‚", "‘", "’", "'", '"', "(", ")", "[", "]", "–", "—", "-", "/",
    "%", "‰", "$", "€", "£", "¥", "CHF", "US$", "Mrd.", "Mio.", "bn", "m", "Mrd", "Tsd.",
    "1\u2009000", "2\u00a0000", "2\u202f000,5", "1'000", "1.000.000", "1,000,000.50",
    "1.000,50", "1,5", "0,25", "12,5 %", "3.5%", "-4,2 Prozent", "+", "−", "½", "²", "¹⁰",
    "１２３", "٣٤٥", "३४५", "Ⅻ", "1e9", "0x1F", "12.", "31.", "2025.", "Q3", "H1/25", "FY24",
    "2.04", "2,04", "2.040", "99999999999999999999", "0000", "1 000 000", ",", ".", ";", ":",
    "Ελληνικά", "русский", "中文", "日本語", "한국어", "עברית", "العربية", "हिन्दी", "Türkçe",
    "ÄÖÜäöüß", "ẞ", "ﬁ", "Ǆ", "İ", "ı",
]
WORDS = [
    "verkauft", "verkaufen", "übernimmt", "Übernahme", "kauft", "investiert", "Milliarden",
    "Millionen", "Euro", "Dollar", "Prozent", "Stellen", "streicht", "Insolvenz", "Gewinn",
    "Umsatz", "Prognose", "Dividende", "Aktienrückkauf", "Börsengang", "Rating", "Klage",
    "plant", "prüft", "dementiert", "bis Ende 2026", "innerhalb der nächsten zwölf Monate",
    "im Juni", "am 31. Juli", "Siemens", "Volkswagen", "Meta", "Bayer AG", "Acme GmbH",
    "der Konzern", "das Unternehmen", "sells", "acquires", "acquisition", "invest", "billion",
    "million", "layoffs", "jobs", "bankruptcy", "revenue", "guidance", "dividend", "buyback",
    "IPO", "downgrade", "lawsuit", "fine", "plans", "denied", "by the end of 2026",
    "within the next twelve months", "in June", "Apple", "Microsoft", "Acme Corp.",
    "the company", "its", "seine", "Moody's", "S&P", "Fitch", "CEO", "CFO", "Chapter 11",
]
AMOUNTS = [
    "2,04 Milliarden Dollar", "1,2 Mrd. Euro", "$2.04bn", "€500m", "Hunderte Milliarden Dollar",
    "mehr als 2 Mrd. Euro", "between $1bn and $1.5bn", "1\u2009200 Millionen Euro",
    "1,2&nbsp;Milliarden Euro", "&euro;5 Mio.", "&#8364;3,5 Mrd.", "£1.2bn", "CHF 300 Mio.",
    "0,25 Euro je Aktie", "$0.25 per share", "12,5 %", "15 percent", "3.000 Stellen",
    "1,200 jobs", "bis Ende 2026", "im Geschäftsjahr 2025/26", "Q2 2025", "next year",
]

SEED_TEXTS = [
    "Siemens verkauft seine Logistiksparte für 1,2 Milliarden Euro an Acme.",
    "Meta plant, Rechenzentren im Wert von 2,04 Milliarden Dollar innerhalb der nächsten "
    "zwölf Monate zu verkaufen.",
    "Volkswagen will 35.000 Stellen streichen.",
    "Apple agreed to buy Acme Corp. for $2.04bn in cash.",
    "Bayer AG hebt die Prognose für 2025 an.",
    "Moody's stufte Volkswagen von A3 auf Baa1 herab.",
]


def corpus() -> list[str]:
    """The texts inputs are made from: fixture articles, gold texts and a few sentences."""
    texts = list(SEED_TEXTS)
    for folder in (ROOT / "fixtures" / "articles", ROOT / "tests" / "companies" / "articles"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    for path in sorted((ROOT / "fixtures" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _random_char(rng: random.Random, surrogates: bool) -> str:
    r = rng.random()
    if r < 0.5:
        return chr(rng.randrange(0x20, 0x7F))
    if r < 0.8:
        return chr(rng.randrange(0xA0, 0x3000))
    while True:
        c = rng.randrange(0, 0x110000)
        if surrogates or not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def _piece(rng: random.Random, texts: list[str], surrogates: bool) -> str:
    r = rng.random()
    if r < 0.3:
        return rng.choice(ODD)
    if r < 0.55:
        return rng.choice(WORDS)
    if r < 0.75:
        return rng.choice(AMOUNTS)
    if r < 0.9:
        src = rng.choice(texts)
        i = rng.randrange(len(src))
        return src[i : i + rng.randint(1, 60)]
    return "".join(_random_char(rng, surrogates) for _ in range(rng.randint(1, 8)))


def _mutate(rng: random.Random, text: str, texts: list[str], surrogates: bool) -> str:
    n = len(text)
    i = rng.randrange(n + 1)
    j = min(n, i + rng.randint(0, 40))
    op = rng.randrange(10)
    if op == 0:  # delete
        return text[:i] + text[j:]
    if op == 1:  # insert a piece
        return text[:i] + _piece(rng, texts, surrogates) + text[i:]
    if op == 2:  # replace a range by a piece
        return text[:i] + _piece(rng, texts, surrogates) + text[j:]
    if op == 3:  # repeat a short range (runs of punctuation, digits, words)
        k = min(n, i + rng.randint(1, 6))
        return text[:i] + text[i:k] * rng.randint(2, 60) + text[k:]
    if op == 4:  # splice another text
        other = rng.choice(texts)
        a = rng.randrange(len(other))
        return text[:i] + other[a : a + rng.randint(1, 300)] + text[j:]
    if op == 5:  # change case
        part = text[i:j]
        part = rng.choice((part.upper(), part.lower(), part.swapcase(), part.title()))
        return text[:i] + part + text[j:]
    if op == 6:  # swap two words
        words = text.split(" ")
        if len(words) > 2:
            a, b = rng.randrange(len(words)), rng.randrange(len(words))
            words[a], words[b] = words[b], words[a]
        return " ".join(words)
    if op == 7:  # random characters
        return text[:i] + "".join(_random_char(rng, surrogates) for _ in range(rng.randint(1, 12))) + text[i:]
    if op == 8:  # white space and line ends
        return text[:i] + rng.choice((" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\n\n\n")) + text[i:]
    return text[:i] + rng.choice(ODD) * rng.randint(1, 20) + text[j:]  # runs of odd material


def make_input(seed: int, index: int, texts: list[str], long_every: int, surrogates: bool) -> str:
    """Input ``index`` of run ``seed``: a slice of a corpus text with 1-8 mutations; every
    ``long_every``-th is repeated to exactly 10,000 characters."""
    rng = random.Random(seed * 1_000_003 + index)
    r = rng.random()
    if r < 0.1:
        text = "".join(_piece(rng, texts, surrogates) + rng.choice(("", " ", " ", "\n"))
                       for _ in range(rng.randint(1, 30)))
    else:
        src = rng.choice(texts)
        a = rng.randrange(len(src))
        text = src[a : a + rng.choice((40, 120, 300, 800, 2000))]
        if r < 0.3:  # a sentence's start often matters
            text = src[: rng.choice((80, 200, 600))]
    for _ in range(rng.randint(1, 8)):
        text = _mutate(rng, text, texts, surrogates)
    if long_every and index % long_every == long_every - 1:
        unit = text or "x"
        if rng.random() < 0.5 and len(unit) > 20:  # a short part, repeated: runs and cycles
            k = rng.randrange(len(unit))
            unit = unit[k : k + rng.randint(1, 20)]
        text = (unit * (LONG // len(unit) + 1))[:LONG]
    return text


# -- the checks ------------------------------------------------------------------------------


class Failure(Exception):
    """An input broke a promise (the message says which)."""


class Checker:
    """Runs one input through the public functions and checks the results."""

    def __init__(self) -> None:
        import eventx
        from jsonschema import Draft202012Validator

        self.eventx = eventx
        self.validator = Draft202012Validator(eventx.json_schema())
        self.published = date(2025, 7, 31)
        self.langs = ("de", "en", None)

    def __call__(self, text: str, index: int) -> tuple[int, float]:
        """Check one input; return the number of events found and the longest time one
        call took (``extract``, or ``parse_money`` / ``parse_horizon`` on the whole input)."""
        ex = self.eventx
        lang = self.langs[index % 3]
        pub = self.published if index % 10 == 0 else None
        t0 = time.perf_counter()
        events = ex.extract(text, lang=lang, published=pub)
        longest = time.perf_counter() - t0
        for event in events:
            ev = event.evidence
            if text[ev.start : ev.end] != ev.text:
                raise Failure(f"evidence {ev.start}:{ev.end} does not index the input")
            data = json.loads(event.model_dump_json())
            errors = list(self.validator.iter_errors(data))
            if errors:
                raise Failure(f"event JSON does not validate: {errors[0].message}")
        if index % 50 == 0:
            again = ex.extract(text, lang=lang, published=pub)
            if [e.model_dump() for e in again] != [e.model_dump() for e in events]:
                raise Failure("a second run gave different events")
        rng = random.Random(index)
        i = rng.randrange(len(text) + 1)
        piece = text[i : i + rng.randint(1, 60)]
        plang = lang or "de"
        for part in (piece, text) if index % 25 == 0 else (piece,):
            t0 = time.perf_counter()
            money = ex.parse_money(part, lang=plang)
            t1 = time.perf_counter()
            horizon = ex.parse_horizon(part, lang=plang, published=pub)
            longest = max(longest, t1 - t0, time.perf_counter() - t1)
            if money is not None and not isinstance(money, ex.Money):
                raise Failure(f"parse_money returned {type(money).__name__}")
            if horizon is not None and not isinstance(horizon, ex.Horizon):
                raise Failure(f"parse_horizon returned {type(horizon).__name__}")
        return len(events), longest


# -- the engines -----------------------------------------------------------------------------


class Stats:
    """Counts, time per input and the slowest inputs."""

    def __init__(self, out: Path, keep: int = 10) -> None:
        self.out = out
        self.keep = keep
        self.count = 0
        self.long_count = 0
        self.events = 0
        self.failures: Counter[str] = Counter()
        self.seconds = 0.0
        self.long_seconds = 0.0
        self.slowest: list[tuple[float, int, int, str]] = []  # heap of (s, index, len, head)
        self.over_limit: list[tuple[float, int, int]] = []
        self.started = time.perf_counter()

    def record(
        self, index: int, text: str, seconds: float, events: int, limit: float, total: float
    ) -> None:
        """Count one input; ``seconds`` is its longest single call, ``total`` all its checks."""
        self.count += 1
        self.events += events
        self.seconds += total
        if len(text) >= LONG:
            self.long_count += 1
            self.long_seconds += seconds
        if seconds > limit:
            self.over_limit.append((seconds, index, len(text)))
            self.save("slow", index, text)
        item = (seconds, index, len(text), text[:60])
        if len(self.slowest) < self.keep:
            heapq.heappush(self.slowest, item)
        elif seconds > self.slowest[0][0]:
            heapq.heapreplace(self.slowest, item)

    def fail(self, index: int, text: str, exc: BaseException) -> None:
        kind = f"{type(exc).__name__}: {str(exc)[:120]}"
        self.failures[kind] += 1
        if self.failures[kind] <= 3:
            self.save("fail", index, text, traceback.format_exc())

    def save(self, what: str, index: int, text: str, note: str = "") -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{what}_{index}.json"
        path.write_text(json.dumps({"index": index, "text": text, "note": note}), encoding="utf-8")

    def line(self) -> str:
        wall = time.perf_counter() - self.started
        mean = self.seconds / self.count * 1e3 if self.count else 0.0
        long_mean = self.long_seconds / self.long_count * 1e3 if self.long_count else 0.0
        worst = max(self.slowest)[0] if self.slowest else 0.0
        return (
            f"{self.count:>9,} inputs  {self.count / wall:7.1f}/s  {mean:6.2f} ms/input  "
            f"long {self.long_count:,} at {long_mean:.1f} ms  slowest {worst:.3f} s  "
            f"events {self.events:,}  failures {sum(self.failures.values())}"
        )

    def report(self, limit: float) -> str:
        lines = ["", "== fuzz report ==", self.line(), ""]
        lines.append(f"slowest inputs (limit {limit} s for every input, set for the "
                     f"{LONG:,}-character ones):")
        for seconds, index, n, head in sorted(self.slowest, reverse=True):
            lines.append(f"  {seconds:8.3f} s  input {index:>9}  {n:>6} chars  {head!r}")
        lines.append(f"inputs over the limit: {len(self.over_limit)}")
        for seconds, index, n in sorted(self.over_limit, reverse=True)[:20]:
            lines.append(f"  {seconds:8.3f} s  input {index}  {n:>6} chars")
        lines.append(f"failures: {sum(self.failures.values())}")
        for kind, n in self.failures.most_common():
            lines.append(f"  {n:>7}  {kind}")
        return "\n".join(lines)


def run_mutate(args: argparse.Namespace, check: Checker, stats: Stats) -> None:
    texts = corpus()
    indices = [args.replay] if args.replay is not None else range(args.start, args.start + args.inputs)
    for index in indices:
        text = make_input(args.seed, index, texts, args.long_every, args.surrogates)
        faulthandler.dump_traceback_later(args.hang, exit=False)
        t0 = time.perf_counter()
        events, longest = 0, 0.0
        try:
            events, longest = check(text, index)
        except Exception as exc:  # noqa: BLE001 - every failure is counted and saved
            stats.fail(index, text, exc)
            if args.replay is not None:
                traceback.print_exc()
        finally:
            faulthandler.cancel_dump_traceback_later()
        total = time.perf_counter() - t0
        stats.record(index, text, longest or total, events, args.limit, total)
        if args.replay is not None:
            print(f"input {index}: {len(text)} chars, {events} events\n{text!r}")
        if stats.count % args.report_every == 0:
            print(stats.line(), flush=True)


def run_atheris(args: argparse.Namespace, check: Checker, stats: Stats) -> None:
    import atheris

    counter = iter(range(sys.maxsize))

    def one_input(data: bytes) -> None:
        index = next(counter)
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data)) if not args.surrogates else (
            fdp.ConsumeUnicode(len(data))
        )
        if args.long_every and index % args.long_every == args.long_every - 1:
            unit = text or "x"
            text = (unit * (LONG // len(unit) + 1))[:LONG]
        t0 = time.perf_counter()
        events, longest = 0, 0.0
        try:
            events, longest = check(text, index)
        except Exception as exc:
            stats.fail(index, text, exc)
            raise
        finally:
            total = time.perf_counter() - t0
            stats.record(index, text, longest or total, events, args.limit, total)
        if stats.count % args.report_every == 0:
            print(stats.line(), flush=True)

    seeds = args.out / "atheris_corpus"
    if not seeds.exists():
        seeds.mkdir(parents=True)
        for i, text in enumerate(corpus()):
            (seeds / f"seed_{i}").write_bytes(text.encode("utf-8"))
    argv = [sys.argv[0], *args.libfuzzer, str(seeds)]
    with atheris.instrument_imports():
        import eventx  # noqa: F401
    atheris.Setup(argv, one_input)
    try:
        atheris.Fuzz()
    finally:
        print(stats.report(args.limit), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("mutate", "atheris"), default="mutate")
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replay", type=int, help="run only input no. REPLAY, verbosely")
    parser.add_argument("--long-every", type=int, default=100,
                        help=f"every N-th input is stretched to {LONG:,} characters (0: never)")
    parser.add_argument("--limit", type=float, default=1.0,
                        help=f"seconds any input may take (set for {LONG:,}-character ones)")
    parser.add_argument("--hang", type=float, default=60.0,
                        help="seconds after which a traceback of a running input is printed")
    parser.add_argument("--report-every", type=int, default=10_000)
    parser.add_argument("--surrogates", action="store_true", help="allow lone surrogates")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "fuzz")
    parser.add_argument("libfuzzer", nargs="*", help="arguments for libFuzzer (after --)")
    args = parser.parse_args(argv)

    logging.getLogger("eventx").setLevel(logging.ERROR)  # "language not supported" is expected
    check = Checker()
    # build both pipelines and load the language identifier before timing anything
    check("Siemens verkauft seine Sparte für 1 Mrd. Euro.", 0)
    check("Apple sells its unit for $1bn.", 1)
    check("Apple sells its unit for $1bn.", 2)
    stats = Stats(args.out)
    print(f"eventx fuzz: engine {args.engine}, seed {args.seed}, {args.inputs:,} inputs, "
          f"every {args.long_every}th stretched to {LONG:,} characters", flush=True)
    try:
        if args.engine == "atheris":
            run_atheris(args, check, stats)
        else:
            run_mutate(args, check, stats)
    except KeyboardInterrupt:
        pass
    print(stats.report(args.limit), flush=True)
    return 1 if stats.failures or stats.over_limit else 0


if __name__ == "__main__":
    sys.exit(main())
