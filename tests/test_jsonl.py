"""One reading of a JSON Lines line: every bad line is a `BadLineError`, never another error."""

import doctest

import pytest

import sanctions._jsonl
from sanctions._jsonl import BadLineError, parse_line


def test_the_module_examples_run():
    assert doctest.testmod(sanctions._jsonl).failed == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"{not json", "bad JSON: Expecting property name"),
        (b'{"a": "caf\xe9"}', "not UTF-8 (byte 10 of the line)"),
        (b"[" * 100_000, "bad JSON: nested too deeply"),
        (b'{"id": ' + b"9" * 5000 + b"}", "bad JSON: a number of more than 4300 digits"),
    ],
)
def test_a_bad_line_says_why(line, message):
    with pytest.raises(BadLineError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_line(line)


@pytest.mark.parametrize("line", [b"", b"\n", b" \t\r\n", b"\xef\xbb\xbf\n", "\ufeff  "])
def test_a_blank_line_is_none(line):
    assert parse_line(line) is None


def test_a_bom_before_a_record_is_ignored():
    assert parse_line(b'\xef\xbb\xbf{"text": "x"}\n') == {"text": "x"}
