"""Every ```python block in docs/ runs, and prints exactly its ``#>`` lines.

Blocks of one page share a namespace and run in order, in a temporary working directory, so a
page reads as one session. Pages whose snippets need an optional extra are skipped without it.
"""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WITH_CODE = sorted(p for p in DOCS.glob("*.md") if "```python" in p.read_text(encoding="utf-8"))
PAGES = [ROOT / "README.md", *WITH_CODE]
NEEDS = {"plots.md": "matplotlib", "scaling.md": "dask"}


def _blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_snippets_run_and_print_what_they_show(page, tmp_path, monkeypatch, capsys):
    extra = NEEDS.get(page.name)
    if extra and importlib.util.find_spec(extra) is None:
        pytest.skip(f"{page.name} needs {extra}")
    if extra == "matplotlib":
        import matplotlib

        matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for block in _blocks(page.read_text(encoding="utf-8")):
        exec(compile(block, str(page), "exec"), namespace)
        shown = [line[3:] for line in block.splitlines() if line.startswith("#> ")]
        printed = capsys.readouterr().out.splitlines()
        if shown:
            assert printed == shown, block
