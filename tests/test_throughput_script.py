"""``benchmarks/throughput.py``: with ``--repeat``, the fastest run of each measurement."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"


@pytest.fixture(scope="module")
def throughput() -> dict:
    return runpy.run_path(str(SCRIPT), run_name="throughput")


@pytest.mark.parametrize(
    "runs,fastest",
    [
        pytest.param(
            [{"docs": 10, "seconds": 2.0, "peak_mb": 100.0},
             {"docs": 10, "seconds": 1.5, "peak_mb": 120.0}],
            {"docs": 10, "seconds": 1.5, "peak_mb": 120.0},
            id="rate-keeps-the-whole-fastest-run",
        ),
        pytest.param(
            [{"import_s": 0.3, "first_call_s": 1.0}, {"import_s": 0.2, "first_call_s": 1.4}],
            {"import_s": 0.2, "first_call_s": 1.0},
            id="start-up-least-of-each",
        ),
        pytest.param(
            [{"de": {"docs": 5, "tokenizer": 0.4, "eventx_events": 2.0}},
             {"de": {"docs": 5, "tokenizer": 0.5, "eventx_events": 1.8}}],
            {"de": {"docs": 5, "tokenizer": 0.4, "eventx_events": 1.8}},
            id="components-least-of-each",
        ),
    ],
)
def test_fastest_of_several_runs(throughput: dict, runs: list, fastest: dict) -> None:
    assert throughput["_fastest"](runs) == fastest
