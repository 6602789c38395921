from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.errors import BinaryInputError, EmptyInputError, EncodingError
from frontwatch.pipeline.decode import declared_encoding, decode, normalize_text

UKRAINIAN = "Українські сили звільнили Лиман у Донецькій області."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain ASCII.", "Plain ASCII."),
        ("Kyiv \u2014 \u201cquoted\u201d".encode(), "Kyiv \u2014 \u201cquoted\u201d"),
        (codecs.BOM_UTF8 + b"with BOM", "with BOM"),
        ("UTF-16 text".encode("utf-16"), "UTF-16 text"),
        (b"line one\r\nline two  \r\n\r\n\r\n\r\nnext", "line one\nline two\n\nnext"),
    ],
)
def test_decode_text_encodings(data: bytes, expected: str) -> None:
    assert decode(data, "in.txt") == expected


def test_decode_detects_single_byte_cyrillic() -> None:
    text = (UKRAINIAN + " ") * 20
    assert decode(text.encode("cp1251"), "cp1251.txt") == text.strip()


def test_decode_uses_declared_encoding() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Лиман</body></html>'
    data = html.encode("cp1251")
    assert declared_encoding(data) == "cp1251"
    assert "Лиман" in decode(data, "page.html", declared="cp1251")


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyInputError, "empty file"),
        (b"  \n\t \n", EmptyInputError, "only whitespace"),
        (b"%PDF-1.7 binary", BinaryInputError, "PDF"),
        (b"\x89PNG\r\n\x1a\nrest", BinaryInputError, "PNG"),
        (b"abc\x00\x01\x02def", BinaryInputError, "NUL"),
        ("Kyiv \u2014 ok".encode() + b"\xff\xfe broken", EncodingError, "invalid UTF-8 at byte"),
    ],
)
def test_decode_rejects_bad_bytes(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as info:
        decode(data, "bad-input.txt")
    assert str(info.value).startswith("bad-input.txt: ")


def test_decode_rejects_control_characters() -> None:
    with pytest.raises(BinaryInputError, match="control characters"):
        decode(bytes(range(1, 32)) * 50, "noise.txt")


@given(st.text())
def test_decode_normalization_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
