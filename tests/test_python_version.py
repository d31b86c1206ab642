"""The Python the project declares is one its code runs on, and every place says the same."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# sanctions.html uses possessive quantifiers ("*+", "++"), which `re` has since Python 3.11.
NEEDED = (3, 11)


def declared():
    match = re.fullmatch(r">=\s*3\.(\d+)", PYPROJECT["project"]["requires-python"])
    assert match, PYPROJECT["project"]["requires-python"]
    return (3, int(match[1]))


def test_the_declared_minimum_is_one_the_code_runs_on():
    assert declared() >= NEEDED


def test_possessive_quantifiers_are_why_3_11_is_needed():
    # If sanctions.html stops using them, NEEDED may go down again.
    source = (ROOT / "src" / "sanctions" / "html.py").read_text(encoding="utf-8")
    assert re.search(r"[*+?}]\+", source)


def test_every_place_states_the_same_minimum():
    major, minor = declared()
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py{major}{minor}"
    assert PYPROJECT["tool"]["mypy"]["python_version"] == f"{major}.{minor}"
    assert (
        f"Programming Language :: Python :: {major}.{minor}" in PYPROJECT["project"]["classifiers"]
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Both need Python ≥ {major}.{minor} with `venv`" in readme
