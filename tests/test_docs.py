"""The documentation runs: every example of docs/*.md prints what the page shows, and
docs/events.md is what docs/gen_events.py writes today."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# Pages another part of the project writes; a link to one may precede the page itself.
WRITTEN_ELSEWHERE = {"performance.md"}


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


check_docs = _module("check_docs")
gen_events = _module("gen_events")

PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_print_what_the_page_shows(page):
    problems = check_docs.problems(page)
    assert not problems, "\n\n".join(problems) + "\n\n(python docs/check_docs.py --update)"


def test_events_page_is_up_to_date(tmp_path):
    out = tmp_path / "events.md"
    assert gen_events.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DOCS / "events.md").read_text(encoding="utf-8"), (
        "docs/events.md is out of date: run python docs/gen_events.py"
    )


def test_events_page_covers_every_type():
    from eventx.schema import EVENT_TYPES

    page = (DOCS / "events.md").read_text(encoding="utf-8")
    for t in EVENT_TYPES:
        assert f"\n## {t}\n" in page


def test_events_page_fails_for_an_incomplete_examples_file(tmp_path):
    bad = tmp_path / "examples.toml"
    bad.write_text('published = "2025-07-31"\n[common.fields]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="asset_sale"):
        gen_events.main(["--examples", str(bad), "--output", str(tmp_path / "e.md")])


def test_every_python_fence_is_seen():
    # the checker's parser finds every Python block of every page (a block it missed
    # would silently go unchecked)
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        fences = sum(1 for line in lines if re.match(r"^```python\s*$", line))
        parsed = [b for b in check_docs.fenced_blocks(lines) if b.lang == "python"]
        assert len(parsed) == fences, page.name


@pytest.mark.parametrize(
    "page", [*PAGES, ROOT / "README.md"], ids=[p.name for p in [*PAGES, ROOT / "README.md"]]
)
def test_relative_links_resolve(page):
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target or target.startswith("mailto:"):
            continue
        path = (page.parent / target).resolve()
        if path.name in WRITTEN_ELSEWHERE:
            continue
        assert path.exists(), f"{page.name} links to {target}, which does not exist"


def test_checker_compares_and_updates(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# t\n\n```python\nprint('a')\nx = 2\n```\n\n```text\nwrong\n```\n\n"
        "```python\nprint(x * 2)\n```\n\n"
        "<!-- docs: no-run -->\n```python\nimport not_installed_anywhere\n```\n\n"
        "```console\n$ echo hi\nstale\n```\n",
        encoding="utf-8",
    )
    found = check_docs.problems(page)
    assert len(found) == 3, found
    assert check_docs.update(page) is True
    assert check_docs.problems(page) == []
    text = page.read_text(encoding="utf-8")
    assert "```text\na\n```" in text and "```text\n4\n```" in text
    assert "$ echo hi\nhi\n```" in text
    assert check_docs.update(page) is False


def test_checker_reports_errors(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```python\n1 / 0\n```\n", encoding="utf-8")
    (problem,) = check_docs.problems(page)
    assert "ZeroDivisionError" in problem and "line 1" in problem
