"""``benchmarks/accuracy.py`` writes the accuracy page."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"


@pytest.fixture(scope="module")
def accuracy() -> dict:
    return runpy.run_path(str(SCRIPT), run_name="accuracy")


def test_writes_markdown_and_json(accuracy: dict, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "en-1", "lang": "en", "published": "2025-07-31", "text": "Shares rose.",
        "events": [{"type": "layoffs", "company": ["Acme"], "status": "planned",
                    "headcount": 20}],
    }) + "\n", encoding="utf-8")
    out, js = tmp_path / "accuracy.md", tmp_path / "out" / "accuracy.json"
    assert accuracy["main"]([str(gold), "--out", str(out), "--json", str(js)]) == 0
    page = out.read_text(encoding="utf-8")
    assert f"python benchmarks/accuracy.py {gold}" in page
    for heading in ("## Per language", "## Per event type", "## Argument accuracy per field"):
        assert heading in page
    assert "| layoffs | 1 |" in page and "| headcount |" in page
    assert json.loads(js.read_text(encoding="utf-8"))["events"]["all"]["gold"] == 1
