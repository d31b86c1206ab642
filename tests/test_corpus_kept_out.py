"""The evaluation corpora stay out of the project: no run of eight words from a corpus text
appears in the code, tables, tests, docs or examples.

The corpora are read from ``../shared/corpus`` beside the repository, where development and CI
have them; elsewhere the test is skipped, saying why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RUN = 8
#: Where the project's own words live.
CHECKED = ("src", "tests", "docs", "examples", "benchmarks", "scripts", "README.md")
#: The founding example of the design notes, quoted there as the public contract.
SEED = "seed.jsonl"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _corpus_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in sorted(CORPUS.glob("*.jsonl")):
        if path.name == SEED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                runs |= _runs(_words(record["text"]))
    return runs


def _project_files() -> list[Path]:
    files: list[Path] = []
    for name in CHECKED:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix in {".py", ".yaml", ".md", ".jsonl", ".txt", ".json", ""}
                and "out" not in p.relative_to(ROOT).parts
                and "__pycache__" not in p.parts
            ]
    return files


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpora at {CORPUS}")
def test_no_corpus_wording_in_the_project() -> None:
    corpus = _corpus_runs()
    assert corpus, f"no corpus text read from {CORPUS}"
    found = []
    for path in _project_files():
        try:
            words = _words(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        shared = _runs(words) & corpus
        if shared:
            example = " ".join(sorted(shared)[0])
            found.append(f"{path.relative_to(ROOT)}: {len(shared)} runs, e.g. {example!r}")
    assert not found, "corpus wording in the project:\n" + "\n".join(found)
