"""docs/quickstart.ipynb runs from top to bottom in a real Jupyter kernel.

The kernel spec is installed into a temporary prefix for this interpreter, so the test
needs no Jupyter set up on the machine (only the ``dev`` extra: nbclient, ipykernel,
matplotlib, pandas).
"""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

DOCS = Path(__file__).resolve().parents[1] / "docs"
NOTEBOOK = DOCS / "quickstart.ipynb"
KERNEL = "eventx-docs-test"


def _outputs(cell, kind):
    return [o for o in cell.get("outputs", []) if kind in o.get("data", {})]


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:40]


@pytest.mark.slow
def test_notebook_runs(tmp_path, monkeypatch):
    from ipykernel.kernelspec import install

    prefix = tmp_path / "jupyter"
    install(user=False, prefix=str(prefix), kernel_name=KERNEL)  # runs this interpreter
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    # the kernel's inline backend draws with Agg; no display, no GUI toolkit
    monkeypatch.delenv("MPLBACKEND", raising=False)

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, kernel_name=KERNEL, timeout=180, resources={"metadata": {"path": str(DOCS)}}
    )
    client.execute()  # raises CellExecutionError with the cell's traceback on any error

    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    html = [o["data"]["text/html"] for c in code for o in _outputs(c, "text/html")]
    assert any('class="eventx-render"' in h and "<mark" in h for h in html), "no event display"
    assert any("read from" in h for h in html), "no explanation display"
    assert any("<table" in h and "company_name" in h for h in html), "no DataFrame"
    assert any(_outputs(c, "image/png") for c in code), "no plot"
