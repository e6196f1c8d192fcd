import io
import json
import sys

import pytest

from eventx import cli

SALE_DE = "Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen."
SALE_EN = "Volkswagen plans to sell its charging unit for €1.2 billion."


def run(argv, stdin="", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_extract_text_file_jsonl(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.txt"
    f.write_text(SALE_DE, encoding="utf-8")
    code, out, _ = run(["extract", str(f)], monkeypatch=monkeypatch, capsys=capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["id"], r["type"], r["company"]["name"]) for r in rows] == [("a.txt", "asset_sale", "Volkswagen")]


def test_extract_jsonl_stdin_keeps_ids_and_fields(monkeypatch, capsys):
    lines = [
        {"id": "x1", "text": SALE_DE, "lang": "de", "published": "2025-03-04"},
        {"id": "x2", "text": "Die Aktie stieg um 2 Prozent.", "lang": "de"},
        {"id": "x3", "text": SALE_EN},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    code, out, _ = run(["extract"], stdin, monkeypatch, capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["id"], r["lang"]) for r in rows] == [("x1", "de"), ("x3", "en")]


def test_extract_json_format(monkeypatch, capsys):
    code, out, _ = run(["extract", "--format", "json", "--lang", "de"], SALE_DE, monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and data[0]["type"] == "asset_sale"


def test_schema_command(monkeypatch, capsys):
    code, out, _ = run(["schema"], "", monkeypatch, capsys)
    assert code == 0 and json.loads(out)["discriminator"]["propertyName"] == "type"


@pytest.mark.parametrize(
    "argv,stdin",
    [
        pytest.param(["extract", "/nonexistent/file.txt"], "", id="missing-file"),
        pytest.param(["extract"], '{"text": "ok"}\n{not json}\n', id="bad-json-line"),
        pytest.param(["extract"], '{"id": 1}\n', id="no-text-field"),
        pytest.param(["extract", "--published", "31.07.2025"], SALE_DE, id="bad-published"),
    ],
)
def test_bad_input_exit_1(argv, stdin, monkeypatch, capsys):
    code, _, err = run(argv, stdin, monkeypatch, capsys)
    assert code == 1 and err.startswith("eventx:")


@pytest.mark.parametrize("argv", [["frobnicate"], ["extract", "--format", "xml"], ["extract", "--lang", "fr"], []])
def test_bad_usage_exit_2(argv, monkeypatch, capsys):
    with pytest.raises(SystemExit) as info:
        run(argv, "", monkeypatch, capsys)
    assert info.value.code == 2


def test_closed_pipe_is_not_an_error():
    import subprocess

    proc = subprocess.run(
        f"{sys.executable} -m eventx.cli schema | head -c 10",
        shell=True, capture_output=True, text=True, check=True,
    )
    assert proc.stdout == '{\n  "$defs'
    assert "Traceback" not in proc.stderr
