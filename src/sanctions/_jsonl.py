r"""One reading of a JSON Lines line, for every reader of JSON Lines in the package.

`parse_line` turns every way a line can be bad into `BadLineError` with a short message:
bytes that are not UTF-8, bad JSON, JSON nested deeper than the parser's recursion limit, a
number longer than Python's int digit limit. The readers (the command line's inputs,
evaluation corpora, ledger headers) say where the line is and decide whether to go on.

>>> parse_line(b'{"text": "Canada froze assets."}\n')
{'text': 'Canada froze assets.'}
>>> parse_line(b"  \n") is None
True
>>> try:
...     parse_line(b"[" * 100_000)
... except BadLineError as error:
...     print(error)
bad JSON: nested too deeply
"""

from __future__ import annotations

import json
import sys

__all__ = ["BadLineError", "parse_line"]

_BOM = "\ufeff"


class BadLineError(ValueError):
    """A line that is not one JSON value; the message says why, without the file or line."""


def parse_line(raw: bytes | str) -> object:
    """The JSON value on one line, or None for a blank line (a leading BOM is ignored).

    Raises `BadLineError` for anything else; never another exception.
    """
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadLineError(f"not UTF-8 (byte {exc.start} of the line)") from None
    else:
        line = raw
    line = line.lstrip(_BOM)
    if not line.strip():
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLineError(f"bad JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise BadLineError("bad JSON: nested too deeply") from None
    except ValueError:  # json.loads raises no other: an int past the int digit limit
        limit = sys.get_int_max_str_digits()
        raise BadLineError(f"bad JSON: a number of more than {limit} digits") from None
