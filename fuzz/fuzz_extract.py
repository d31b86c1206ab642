"""Fuzz `sanctions.extract` (and `sanctions.html`): no crash, no hang, exact offsets.

Short run (CI)::

    python fuzz/fuzz_extract.py -runs=2000

Long run, see fuzz/README.md. Each input is read as arbitrary text, as sentences assembled from
the actor tables and a measure vocabulary (so that the rules fire), as a mutated team-written
article, as an HTML page, or as one fragment repeated many times. Only the documented errors
may come out (`DocumentTooLargeError` past ``max_chars``, ``ValueError``/``TypeError`` for a bad
``published``); every evidence span must be exactly where it says, in the text and, for HTML,
in the page; every measure must survive a JSON round trip; and the same input must give the
same measures twice.
"""

from __future__ import annotations

import datetime as dt
import html as std_html
from pathlib import Path

from _driver import Provider, instrumented, run

with instrumented():
    from sanctions import DocumentTooLargeError, Extractor, Measure, extract
    from sanctions.actors import AliasKind, default_table
    from sanctions.html import html_to_text

_ROWS = default_table().rows
NAMES = sorted({n for r in _ROWS if r.kind is not AliasKind.DEMONYM for n in r.names})
DEMONYMS = sorted({n for r in _ROWS if r.kind is AliasKind.DEMONYM for n in r.names})
VERBS = [
    "froze the assets of", "banned imports of", "banned exports to", "imposed sanctions on",
    "lifted sanctions on", "slapped tariffs on", "imposed an arms embargo on", "blacklisted",
    "cut off from SWIFT", "expelled diplomats of", "will impose sanctions on", "could freeze",
    "threatened to ban imports from", "did not impose sanctions on", "halted talks with",
]  # fmt: skip
WORDS = [
    "sanctions", "on", "the", "bloc", "said", "will", "could", "not", "lifted", "banks", "oil",
    "Monday", "over", "in response to", ",", ";", ".", "!", "?", "'s", "(", ")", "-", "—", "\n",
    "\n\n", "  ", "\t", "İ", "\u200d", "\ud800", "\x00", "U.S.", "Mr.", "and", "by", "against",
]  # fmt: skip
TAGS = [
    "<p>", "</p>", "<b>", "</b>", "<br>", "<script>x</script>", "<!-- c -->", "&amp;", "&nbsp;",
    "&#8217;", "<a href='x'>", "</a>", "<div>", "<", "&", "<title>t</title>",
]  # fmt: skip
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + [
    "Canada froze the assets of nine Belarusian officials on Monday. Ottawa said more would "
    "follow.\n\nThe European Union will ban imports of Russian steel, the bloc said.",
    "Japan lifted sanctions on Iran's oil sector on Friday, while Washington threatened to "
    "freeze the assets of three Iranian banks. Tehran did not respond.",
]
PUBLISHED: list[object] = [None, None, "2022-03-22", dt.date(2023, 1, 31), "2022-13-45", 2022]
_SMALL = Extractor(max_chars=64)


def sentence(source: Provider) -> str:
    """A sentence from the vocabulary, with words or junk drawn in."""
    issuer = source.pick(NAMES)
    target = source.pick(DEMONYMS) + " banks" if source.boolean() else source.pick(NAMES)
    parts = [issuer, source.pick(VERBS), target]
    for _ in range(source.integer(0, 3)):
        extra = source.pick(WORDS) if source.boolean() else source.text(6)
        parts.insert(source.integer(0, len(parts)), extra)
    return " ".join(parts) + source.pick([".", ".", "!", "?", "", ";"])


def mutated(source: Provider) -> str:
    """A team-written article with a few edits."""
    text = source.pick(ARTICLES)
    for _ in range(source.integer(1, 6)):
        at = source.integer(0, len(text))
        action = source.integer(0, 3)
        if action == 0:
            text = text[:at] + source.text(4) + text[at:]
        elif action == 1:
            text = text[:at] + text[at + source.integer(1, 30) :]
        elif action == 2:
            text = text[:at] + text[at : at + source.integer(1, 200)] + text[at:]
        else:
            text = text[:at] + source.pick(WORDS) + text[at:]
    return text


def page(source: Provider) -> str:
    """An HTML page: sentences and text with markup drawn in between."""
    pieces = []
    for _ in range(source.integer(1, 6)):
        pieces.append(source.pick(TAGS))
        pieces.append(sentence(source) if source.boolean() else source.text(20))
    return "".join(pieces)


def check(text: str, published: object, extractor: Extractor | None = None) -> list[Measure]:
    """Extract, allowing only the documented errors; offsets exact; deterministic."""
    bad_date = published == "2022-13-45" or isinstance(published, int)
    too_large = extractor is not None and len(text) > extractor.max_chars
    try:
        if extractor is not None:
            measures = extractor.extract(text, published=published)  # type: ignore[arg-type]
        else:
            measures = extract(text, published=published)  # type: ignore[arg-type]
    except DocumentTooLargeError:
        if not too_large:
            raise
        return []
    except (TypeError, ValueError) as exc:
        if bad_date and "published" in str(exc):
            return []
        raise
    if bad_date or too_large:
        raise AssertionError(f"no error for published={published!r} or size {len(text)}")
    for measure in measures:
        evidence = measure.evidence
        if text[evidence.start : evidence.end] != evidence.text:
            raise AssertionError(f"evidence {evidence!r} is not in the text")
        back = Measure.model_validate_json(measure.model_dump_json())
        if (back.key, back.evidence.start, back.evidence.end) != (
            measure.key,
            evidence.start,
            evidence.end,
        ):
            raise AssertionError(f"{measure!r} does not survive JSON")
    if len(text) < 2_000 and extract(text, published=published) != measures:  # type: ignore[arg-type]
        raise AssertionError("a second run gave other measures")
    return measures


def test_one_input(data: bytes) -> None:
    """One fuzz input: see the module docstring."""
    source = Provider(data)
    mode = source.integer(0, 6)
    published = source.pick(PUBLISHED)
    if mode == 0:
        check(source.text(source.remaining()), published)
    elif mode == 1:
        check(source.rest().decode("utf-8", "surrogateescape"), published)
    elif mode == 2:
        check(" ".join(sentence(source) for _ in range(source.integer(1, 8))), published)
    elif mode == 3:
        check(mutated(source), published)
    elif mode == 4:
        unit = sentence(source) + source.pick(["", " ", "\n", ". ", ", "])
        check(unit * source.integer(1, 100), published)
    elif mode == 5:
        check(source.text(100), None, _SMALL)
    else:
        markup = page(source)
        converted = html_to_text(markup)
        for measure in check(converted.text, published):
            start, end = converted.html_span(measure)
            mapped = std_html.unescape(markup[start:end])
            if "<" not in mapped and " ".join(mapped.split()) != " ".join(
                measure.evidence.text.split()
            ):
                raise AssertionError(f"{measure.evidence.text!r} maps to {mapped!r}")


SEEDS = [a.encode("utf-8") for a in ARTICLES] + [bytes([m]) * 64 for m in range(7)]

if __name__ == "__main__":
    run(test_one_input, SEEDS)
