"""eventx extract at scale: streaming JSON Lines, CSV and table output, jobs, errors, progress."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from generated import articles

from eventx import cli, rows

RECORDS = articles(40, seed=31, min_words=150, max_words=320)
JSONL = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)


def run(argv, stdin, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def reference():
    """The JSON Lines output for RECORDS, computed once."""
    mp = pytest.MonkeyPatch()
    mp.setattr(sys, "stdin", io.StringIO(JSONL))
    buf = io.StringIO()
    mp.setattr(sys, "stdout", buf)
    try:
        assert cli.main(["extract", "--no-progress"]) == 0
    finally:
        mp.undo()
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_jsonl_keeps_input_order_and_ids(reference):
    order = {r["id"]: i for i, r in enumerate(RECORDS)}
    positions = [order[r["id"]] for r in reference]
    assert reference and positions == sorted(positions)
    for r in reference:
        text = RECORDS[order[r["id"]]]["text"]
        ev = r["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


class _CountingStdin(io.StringIO):
    """stdin that notes how many lines were read when the first output was written."""

    def __init__(self, text: str, out: _Out) -> None:
        super().__init__(text)
        self.lines, self.out = 0, out

    def __next__(self) -> str:
        line = super().__next__()
        self.lines += 1
        return line


class _Out(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.stdin: _CountingStdin | None = None
        self.lines_read_at_first_write: int | None = None

    def write(self, s: str) -> int:
        if self.lines_read_at_first_write is None and s and self.stdin is not None:
            self.lines_read_at_first_write = self.stdin.lines
        return super().write(s)


def test_output_starts_before_input_ends(monkeypatch):
    many = JSONL * 10  # 400 lines
    out = _Out()
    stdin = _CountingStdin(many, out)
    out.stdin = stdin
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["extract", "--batch-size", "4", "--format", "csv"]) == 0
    assert stdin.lines == 400
    assert out.lines_read_at_first_write is not None
    # the header goes out at once; events follow batch by batch, never after reading all
    assert out.lines_read_at_first_write < 50


def test_jobs_2_same_as_1(reference, monkeypatch, capsys):
    code, out, _ = run(["extract", "--jobs", "2", "--batch-size", "6"], JSONL, monkeypatch, capsys)
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == reference


def test_csv_has_fixed_columns_and_exact_amounts(reference, monkeypatch, capsys):
    code, out, _ = run(["extract", "--format", "csv"], JSONL, monkeypatch, capsys)
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["id", *rows.column_names()]
    assert len(table) - 1 == len(reference)
    col = table[0].index("amount_value")
    for line, ref in zip(table[1:], reference, strict=True):
        assert line[0] == ref["id"] and line[1] == ref["type"]
        amount = ref.get("amount")
        if amount:
            assert float(line[col]) == float(amount["value"])
            assert "E" not in line[col]


def test_csv_with_no_events_still_has_the_header(monkeypatch, capsys):
    code, out, _ = run(["extract", "--format", "csv", "--lang", "de"], "Nichts passiert.",
                       monkeypatch, capsys)
    assert code == 0 and out.splitlines() == [",".join(["id", *rows.column_names()])]


def test_table_for_people(reference, monkeypatch, capsys):
    code, out, _ = run(["extract", "--format", "table"], JSONL, monkeypatch, capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["id", "type", "company", "status"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + len(reference)
    assert lines[2].startswith(reference[0]["id"])


def test_json_is_one_document(reference, monkeypatch, capsys):
    code, out, _ = run(["extract", "--format", "json"], JSONL, monkeypatch, capsys)
    assert code == 0 and json.loads(out) == reference


BAD = [
    RECORDS[0],
    "{not json",
    RECORDS[1],
    {"id": "nolang", "text": "Hallo", "lang": "fr"},
    {"id": "nodate", "text": "Hallo", "published": "gestern"},
    RECORDS[2],
]
BAD_JSONL = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in BAD)


def test_skip_goes_on_and_exits_1(reference, monkeypatch, capsys):
    code, out, err = run(["extract", "--errors", "skip"], BAD_JSONL, monkeypatch, capsys)
    assert code == 1
    got = [json.loads(line) for line in out.splitlines()]
    keep = {RECORDS[i]["id"] for i in range(3)}
    assert got == [r for r in reference if r["id"] in keep]
    assert "<stdin>:2" in err and "nolang" in err and "nodate" in err
    assert "skipped 3" in err


def test_raise_stops_at_the_first_bad_input(reference, monkeypatch, capsys):
    code, out, err = run(["extract"], BAD_JSONL, monkeypatch, capsys)
    assert code == 1
    got = [json.loads(line) for line in out.splitlines()]
    assert got == [r for r in reference if r["id"] == RECORDS[0]["id"]]
    assert err.startswith("eventx: <stdin>:2: not valid JSON")


def test_no_bad_input_exits_0_with_skip(monkeypatch, capsys):
    code, _, _ = run(["extract", "--errors", "skip"], JSONL, monkeypatch, capsys)
    assert code == 0


def test_progress_only_when_asked_or_on_a_terminal(monkeypatch, capsys):
    _, out_default, err_default = run(["extract"], JSONL, monkeypatch, capsys)
    assert "doc" not in err_default  # stderr is not a terminal here
    _, out_bar, err_bar = run(["extract", "--progress"], JSONL, monkeypatch, capsys)
    assert out_bar == out_default and "40doc" in err_bar.replace(" ", "")


@pytest.mark.parametrize("argv", [["extract", "--jobs", "0"], ["extract", "--errors", "maybe"],
                                  ["extract", "--format", "parquet"]])
def test_bad_usage_exit_2(argv, monkeypatch, capsys):
    with pytest.raises(SystemExit) as info:
        run(argv, "", monkeypatch, capsys)
    assert info.value.code == 2
