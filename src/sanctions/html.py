"""Visible text of an HTML page, with a map from every text span back into the HTML.

Crawlers bring back pages, not articles. `html_to_text` keeps what a reader sees (it drops
``script``, ``style``, ``noscript``, ``template``, ``head`` and a few other invisible
elements), separates block elements by blank lines, collapses whitespace as a browser does and
decodes entities. The `HtmlText` it returns maps any span of its text back to the HTML, so an
evidence span can be highlighted in the page it came from:

>>> page = html_to_text("<p>Canada froze the assets of nine Belarusian officials.</p>")
>>> page.text
'Canada froze the assets of nine Belarusian officials.'
>>> [m] = page.extract()
>>> start, end = page.html_span(m)
>>> page.html[start:end]
'froze the assets of nine Belarusian'

Why a tokenizer of our own: the offset map needs the source position of every character, which
lxml, selectolax and html5lib do not give; the standard library's ``html.parser`` does, but on
Python releases before the fix for CVE-2025-6069 it takes quadratic time on malformed input
(200 kB of ``<a `` takes minutes on Python 3.11.7). This module follows the HTML5 tokenizer's
rules for where markup ends (comments, bogus comments, quoted attribute values, raw-text
elements, character references), finds every end with one forward search, and so runs in time
linear in the page, with no dependency.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from html import unescape

from .extraction import Extractor, extract
from .model import Evidence, Measure

__all__ = ["HtmlText", "extract_html", "html_to_text"]

#: Elements whose content is never shown; ``head`` also ends at ``<body>`` or at body content.
HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "textarea", "iframe", "object",
     "svg", "math", "noembed", "noframes", "xmp"}
)  # fmt: skip
#: Elements that start and end a paragraph: a blank line separates them from their neighbours.
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
     "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
     "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
     "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre",
     "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul"}
)  # fmt: skip
#: Elements whose whitespace is kept as it is.
_PREFORMATTED = frozenset({"pre", "listing", "plaintext"})
#: Elements whose content is raw text: only their own end tag ends them.
_RAW_TEXT = frozenset({"script", "style", "noscript", "textarea", "title", "iframe", "noembed",
                       "noframes", "xmp"})  # fmt: skip
#: What may stand in ``head``; any other start tag ends it, as in a browser.
_HEAD_CONTENT = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
     "title", "head"}
)  # fmt: skip

# Separators between runs of text, weakest first; the strongest pending one is emitted.
_NONE, _SPACE, _CELL, _LINE, _PARAGRAPH = range(5)
_SEPARATORS = ("", " ", "\t", "\n", "\n\n")

# The rest of a tag after its name: up to the first ">" that is not inside a quoted value.
_TAG_REST = re.compile(r"""(?:[^>=]++|=[\t\n\f\r ]*+"[^"]*+"|=[\t\n\f\r ]*+'[^']*+'|=)*+>""")
_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]++;?|#[0-9]++;?|[A-Za-z][A-Za-z0-9]*+;?)")
# Whitespace a browser collapses, where it is not already a single space between words.
_ODD_SPACE = re.compile(r" [\t\n\f\r ]++|[\t\n\f\r][\t\n\f\r ]*+")
_INLINE = re.compile(rf"(?P<space>{_ODD_SPACE.pattern})|(?P<ref>{_REF.pattern})")
_WHITESPACE = "\t\n\f\r "
_TAG_NAME = re.compile(r"[^\t\n\f\r />]++")


@dataclass(frozen=True, eq=False)
class HtmlText:
    """The visible text of an HTML page and the map from its spans back into the page.

    ``text`` is built from pieces: runs copied from the HTML as they are, decoded character
    references, and separators that stand for markup and collapsed whitespace. `to_html_span`
    maps a text span to the HTML span from the start of its first piece to the end of its
    last, so a span of copied text maps to the very same characters, and a span that holds a
    decoded reference maps to the reference (``html.unescape`` of the HTML span gives the text
    back where no markup lies between).
    """

    #: The page as given.
    html: str
    #: What a reader sees: visible text, blocks separated by blank lines.
    text: str
    #: Where each piece starts in ``text``, increasing.
    _text_starts: tuple[int, ...]
    #: Where each piece starts and ends in ``html``.
    _html_starts: tuple[int, ...]
    _html_ends: tuple[int, ...]
    #: Whether each piece is copied from the HTML character for character.
    _verbatim: tuple[bool, ...]

    def to_html_span(self, start: int, end: int) -> tuple[int, int]:
        """The ``(start, end)`` in ``html`` of the text span ``text[start:end]``.

        An empty span maps to an empty span at the corresponding place. Raises ``ValueError``
        unless ``0 <= start <= end <= len(text)``.
        """
        for value in (start, end):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"span bounds must be int, not {type(value).__name__}")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span [{start}:{end}] is not within the text (length {len(self.text)})"
            )
        if start == end:
            point = self._point(start)
            return point, point
        first = bisect.bisect_right(self._text_starts, start) - 1
        last = bisect.bisect_right(self._text_starts, end - 1) - 1
        html_start = self._html_starts[first]
        if self._verbatim[first]:
            html_start += start - self._text_starts[first]
        html_end = self._html_ends[last]
        if self._verbatim[last]:
            html_end = self._html_starts[last] + end - self._text_starts[last]
        return html_start, html_end

    def html_span(self, item: Measure | Evidence) -> tuple[int, int]:
        """The HTML span of a measure's evidence (or of an `Evidence`) found in ``text``."""
        evidence = item.evidence if isinstance(item, Measure) else item
        start, end = evidence.start, evidence.end
        if self.text[start:end] != evidence.text:
            raise ValueError(f"evidence {evidence.text!r} is not at [{start}:{end}] of the text")
        return self.to_html_span(start, end)

    def extract(
        self,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
        extractor: Extractor | None = None,
    ) -> list[Measure]:
        """The measures of ``text`` (see `sanctions.extract`); evidence spans are into ``text``."""
        if extractor is None:
            return extract(self.text, published=published, source=source)
        return extractor.extract(self.text, published=published, source=source)

    def _point(self, position: int) -> int:
        """The HTML offset of a boundary between text characters."""
        if not self._text_starts:
            return 0
        if position == len(self.text):
            return self._html_ends[-1]
        index = bisect.bisect_right(self._text_starts, position) - 1
        offset = position - self._text_starts[index] if self._verbatim[index] else 0
        return self._html_starts[index] + offset

    def __repr__(self) -> str:
        return f"<HtmlText: {len(self.text):,} characters from {len(self.html):,} of HTML>"


class _Builder:
    """Collects the pieces of the text with their HTML spans, and the pending separator."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.parts: list[str] = []
        self.length = 0
        self.text_starts: list[int] = []
        self.html_starts: list[int] = []
        self.html_ends: list[int] = []
        self.verbatim: list[bool] = []
        self.pending = _NONE
        self.last_end = 0  # where the last piece ended in the HTML

    def separate(self, level: int) -> None:
        if level > self.pending:
            self.pending = level

    def line_break(self) -> None:
        self.pending = _PARAGRAPH if self.pending >= _LINE else _LINE

    def copy(self, start: int, end: int) -> None:
        """Add ``html[start:end]`` as it is."""
        if start >= end:
            return
        self._flush(start)
        if self.verbatim and self.verbatim[-1] and self.html_ends[-1] == start:
            self.html_ends[-1] = end  # continues the last piece
        else:
            self._push(start, end, verbatim=True)
        self.parts.append(self.html[start:end])
        self.length += end - start
        self.last_end = end

    def add(self, text: str, start: int, end: int) -> None:
        """Add ``text`` that stands for ``html[start:end]`` (a decoded reference)."""
        if text == self.html[start:end]:
            self.copy(start, end)
            return
        self._flush(start)
        self._push(start, end, verbatim=False)
        self.parts.append(text)
        self.length += len(text)
        self.last_end = end

    def _flush(self, start: int) -> None:
        """Emit the pending separator before text that starts at ``html[start]``."""
        level, self.pending = self.pending, _NONE
        if level == _NONE or not self.length:
            return
        if level == _SPACE and self.parts[-1].endswith(" "):
            return  # "a &#32;b": the space is already there
        separator = _SEPARATORS[level]
        if self.html[self.last_end : start] == separator:
            self.copy(self.last_end, start)
            return
        self._push(self.last_end, start, verbatim=False)
        self.parts.append(separator)
        self.length += len(separator)

    def _push(self, start: int, end: int, *, verbatim: bool) -> None:
        self.text_starts.append(self.length)
        self.html_starts.append(start)
        self.html_ends.append(end)
        self.verbatim.append(verbatim)

    def result(self) -> HtmlText:
        return HtmlText(
            html=self.html,
            text="".join(self.parts),
            _text_starts=tuple(self.text_starts),
            _html_starts=tuple(self.html_starts),
            _html_ends=tuple(self.html_ends),
            _verbatim=tuple(self.verbatim),
        )


class _Converter:
    """One pass over the HTML: markup is skipped, visible text goes to the builder."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.out = _Builder(html)
        self.hidden: dict[str, int] = {}  # open hidden elements, by name
        self.preformatted = 0

    def run(self) -> HtmlText:
        html = self.html
        size = len(html)
        position = 0
        while position < size:
            less = html.find("<", position)
            if less < 0:
                less = size
            self._text(position, less)
            if less == size:
                break
            position = self._markup(less)
        return self.out.result()

    # -- markup -------------------------------------------------------------------------------
    def _markup(self, start: int) -> int:
        """Handle the markup at ``html[start] == "<"``; return where the text resumes."""
        html = self.html
        following = html[start + 1 : start + 2]
        if following.isascii() and following.isalpha():
            return self._start_tag(start)
        if following == "/":
            after = html[start + 2 : start + 3]
            if after.isascii() and after.isalpha():
                return self._end_tag(start)
            if after == ">":
                return start + 3  # "</>" is dropped
            return self._to_close(start + 2)  # a bogus comment
        if following == "!":
            if html.startswith("<!--", start):
                if html.startswith(("<!-->", "<!--->"), start):
                    return html.index(">", start + 4) + 1
                end = html.find("-->", start + 4)
                return len(html) if end < 0 else end + 3
            return self._to_close(start + 2)  # doctype, CDATA, bogus comment
        if following == "?":
            return self._to_close(start + 2)
        self._text(start, start + 1)  # a "<" that opens nothing is text
        return start + 1

    def _to_close(self, position: int) -> int:
        end = self.html.find(">", position)
        return len(self.html) if end < 0 else end + 1

    def _tag(self, start: int) -> tuple[str, int, bool] | None:
        """Name (lower-cased), end and self-closing of the tag whose name starts at ``start``.

        None if the page ends inside the tag.
        """
        name = _TAG_NAME.match(self.html, start)
        name_end = name.end() if name else start
        rest = _TAG_REST.match(self.html, name_end)
        if rest is None:
            return None
        return self.html[start:name_end].lower(), rest.end(), self.html[rest.end() - 2] == "/"

    def _separate(self, name: str) -> None:
        if self.hidden:
            return
        if name in BLOCKS:
            self.out.separate(_PARAGRAPH)
        elif name == "br":  # "</br>" is a <br> too, in every browser
            self.out.line_break()
        elif name in ("td", "th"):
            self.out.separate(_CELL)

    def _start_tag(self, start: int) -> int:
        tag = self._tag(start + 1)
        if tag is None:
            return len(self.html)  # the page ends inside a tag: the tag is dropped
        name, end, self_closing = tag
        if "head" in self.hidden and name not in _HEAD_CONTENT:
            del self.hidden["head"]  # <body>, <p>, ...: the head has ended
        self._separate(name)
        if name in _RAW_TEXT and not self_closing:
            return self._raw_text(name, end)
        if name in HIDDEN and not self_closing:
            self.hidden[name] = self.hidden.get(name, 0) + 1
        elif name in _PREFORMATTED and not self_closing:
            self.preformatted += 1
            if name == "plaintext":  # the rest of the page is text
                self._text(end, len(self.html))
                return len(self.html)
        return end

    def _end_tag(self, start: int) -> int:
        tag = self._tag(start + 2)
        if tag is None:
            return len(self.html)
        name, end, _ = tag
        self._separate(name)
        if name in self.hidden:
            self.hidden[name] -= 1
            if not self.hidden[name]:
                del self.hidden[name]
        elif name in _PREFORMATTED and self.preformatted:
            self.preformatted -= 1
        return end

    def _raw_text(self, name: str, position: int) -> int:
        """Skip the content of a raw-text element up to its end tag."""
        closing = _raw_end(name).search(self.html, position)
        if closing is None:
            return len(self.html)
        return self._end_tag(closing.start())

    # -- text ---------------------------------------------------------------------------------
    def _text(self, start: int, end: int) -> None:
        if start >= end:
            return
        html = self.html
        chunk = html[start:end]
        if self.hidden:
            if list(self.hidden) != ["head"] or not chunk.strip(_WHITESPACE):
                return
            del self.hidden["head"]  # text ends the head, as in a browser
        if self.preformatted:
            self._copy_with_refs(start, end)
            return
        out = self.out
        stripped = chunk.lstrip(_WHITESPACE)
        if len(stripped) < len(chunk):
            out.separate(_SPACE)
            start = end - len(stripped)
        trailing = start + len(stripped.rstrip(_WHITESPACE))
        cursor = start
        for match in _INLINE.finditer(html, start, trailing):
            out.copy(cursor, match.start())
            cursor = match.end()
            if match.group("space") is not None or self._reference(match.start(), cursor):
                out.separate(_SPACE)
                if html.startswith(" ", cursor) and cursor < trailing:
                    cursor += 1  # "x &#10; y": one space in all
        out.copy(cursor, trailing)
        if trailing < end:
            out.separate(_SPACE)

    def _copy_with_refs(self, start: int, end: int) -> None:
        cursor = start
        for match in _REF.finditer(self.html, start, end):
            self.out.copy(cursor, match.start())
            self.out.add(unescape(match.group()), match.start(), match.end())
            cursor = match.end()
        self.out.copy(cursor, end)

    def _reference(self, start: int, end: int) -> bool:
        """Add a decoded reference; True if it is whitespace, to collapse like any other."""
        decoded = unescape(self.html[start:end])
        if decoded and not decoded.strip(_WHITESPACE):
            return True
        self.out.add(decoded, start, end)
        return False


@cache
def _raw_end(name: str) -> re.Pattern[str]:
    """The end tag of a raw-text element: its name then whitespace, "/" or ">"."""
    return re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE)


def html_to_text(html: str) -> HtmlText:
    r"""The visible text of ``html`` with the map from its spans back into ``html``.

    Script, style and other invisible elements are dropped; block elements (``p``, ``div``,
    ``li``, headings, ...) are separated by a blank line, ``br`` by a line break and table
    cells by a tab; other whitespace collapses to one space, except in ``pre``; character
    references are decoded. Any string is accepted: broken markup is read as a browser reads
    it, in time linear in its length. Raises ``TypeError`` for anything but a ``str``.

    >>> html_to_text("<h1>EU&nbsp;acts</h1><p>The EU <b>froze</b>\n  assets.</p>").text
    'EU\xa0acts\n\nThe EU froze assets.'
    """
    if not isinstance(html, str):
        if isinstance(html, (bytes, bytearray, memoryview)):
            raise TypeError(
                "html_to_text() takes a str, not bytes; decode it first with the page's "
                "charset (HTTP Content-Type or <meta charset>), e.g. data.decode('utf-8')"
            )
        raise TypeError(f"html_to_text() takes a str, not {type(html).__name__}")
    return _Converter(html).run()


def extract_html(
    html: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    extractor: Extractor | None = None,
) -> list[Measure]:
    """The measures in the visible text of an HTML page.

    Evidence spans are into ``html_to_text(html).text``; map one into the page with
    `HtmlText.html_span` (or convert once and call `HtmlText.extract` to keep both).
    ``published``, ``source`` and the errors are those of `sanctions.extract`.

    >>> [m.type.value for m in extract_html("<p>Britain banned imports of Russian vodka.</p>")]
    ['import_ban']
    """
    return html_to_text(html).extract(published=published, source=source, extractor=extractor)
