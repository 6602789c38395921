"""Bytes → text, with the checks every input goes through.

Takes the raw bytes of one input and the name to report it under; returns normalized text
(NFC, ``\\n`` line ends, no surrounding whitespace). Fails with an
:class:`~frontwatch.errors.InputError` subclass naming the input when the bytes are empty,
binary, or text in an encoding that cannot be determined.

Encoding policy: BOMs win; then a declared encoding (HTML ``<meta charset>``, XML
declaration); then strict UTF-8. Bytes that are not UTF-8 are decoded with a detected
single-byte encoding (cp1251, cp1252, ...) only when they contain no valid UTF-8 multibyte
sequence at all. A file that mixes UTF-8 with other bytes is corrupt, and guessing would
silently garble it, so it is an error.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from frontwatch.errors import BinaryInputError, EmptyInputError, EncodingError

__all__ = ["declared_encoding", "decode", "normalize_text"]

log = logging.getLogger(__name__)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CHAOS = 0.2  # charset_normalizer's mess ratio above which a detection is not trusted
_MAX_CONTROL_SHARE = 0.01


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML/XML document declares in its first 4 KB, if a known one."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``data`` to normalized text or raise an InputError naming ``source``."""
    if not data.strip():
        what = "empty file (0 bytes)" if not data else "no text (only whitespace)"
        raise EmptyInputError(source, what)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryInputError(source, f"binary data ({kind}), not text")
    text = _decode_text(data, source, declared)
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise BinaryInputError(source, f"binary data ({controls} control characters), not text")
    text = normalize_text(text)
    if not text:
        raise EmptyInputError(source, "no text (only whitespace)")
    return text


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, lines without surrounding spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _decode_text(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    source, f"starts with a {encoding} byte-order mark but is not {encoding}: {exc}"
                ) from None
    if b"\x00" in data[:65536]:
        raise BinaryInputError(source, "binary data (NUL bytes), not text")
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            log.warning("%s: declares %s but is not; detecting the encoding", source, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    bad = data[error.start]
    if _UTF8_MULTIBYTE.search(data):
        raise EncodingError(
            source,
            f"invalid UTF-8 at byte {error.start} (0x{bad:02x}) in a file that is otherwise "
            "UTF-8; the file is corrupt or mixes encodings. Re-save it as UTF-8",
        ) from None
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise EncodingError(
            source,
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {error.start}) and its encoding "
            "could not be detected. Re-save it as UTF-8",
        ) from None
    log.warning("%s: not UTF-8; decoded as %s (detected)", source, best.encoding)
    return str(best)
