"""Read one news article and print every sanctions measure it states, then a table by country.

python examples/extract_article.py                      # the bundled EU/Belarus article
python examples/extract_article.py path/to/article.txt  # any UTF-8 text file
"""

from __future__ import annotations

import sys
from pathlib import Path

import sanctions

DEFAULT = Path(__file__).parent / "articles"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else sorted(DEFAULT.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    measures = sanctions.extract(text, source=str(path))
    print(f"{len(measures)} measures in {path.name}:")
    for m in measures:
        target = m.target.code or "?"
        print(
            f"  {m.issuer.code:>4} -> {target:<4} {m.type.value:<22} {m.status.value:<10} "
            f"| {m.evidence.text}"
        )
    frame = sanctions.to_frame(measures)
    print()
    print(sanctions.by_country(frame, role="issuer", by="category"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
