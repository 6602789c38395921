"""Reading a control-map snapshot file: GeoJSON, plain or gzip-compressed.

Takes a path; returns the parsed ``FeatureCollection`` as a dict. Assumes UTF-8 JSON (RFC
7946). Fails with an :class:`~frontwatch.errors.InputError` subclass whose message names the
file: missing (:class:`~frontwatch.errors.InputNotFoundError`), empty
(:class:`~frontwatch.errors.EmptyInputError`), too large once decompressed
(:class:`~frontwatch.errors.InputTooLargeError`), not UTF-8
(:class:`~frontwatch.errors.EncodingError`), corrupt gzip, not JSON or not a
FeatureCollection (:class:`~frontwatch.errors.UnsupportedInputError`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import zlib
from pathlib import Path
from typing import Any

from frontwatch.errors import (
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
    UnsupportedInputError,
)

__all__ = ["MAX_SNAPSHOT_BYTES", "read_feature_collection", "snapshot_day"]

MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024
"""Largest decompressed snapshot read (DeepState's are 0.2 to 0.5 MB): a guard against gzip
bombs and mistaken inputs, not a limit real data comes near."""

_GZIP_MAGIC = b"\x1f\x8b"
_DAY_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(?:geo)?json(?:\.gz)?$")


def snapshot_day(path: Path) -> dt.date | None:
    """The day of a snapshot named ``YYYY-MM-DD.geojson[.gz]`` (or ``.json``), else None."""
    match = _DAY_NAME.match(path.name)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _decompress(raw: bytes, source: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise UnsupportedInputError(source, f"corrupt gzip data ({error})") from error
    if len(data) > max_bytes:
        raise InputTooLargeError(source, f"more than {max_bytes} bytes once decompressed")
    return data


def read_feature_collection(path: Path, *, max_bytes: int = MAX_SNAPSHOT_BYTES) -> dict[str, Any]:
    """Parse a GeoJSON FeatureCollection from ``path`` (gzip detected by its magic bytes)."""
    source = str(path)
    if not path.is_file():
        raise InputNotFoundError(source, "no such file")
    if path.stat().st_size > max_bytes:
        raise InputTooLargeError(source, f"larger than {max_bytes} bytes")
    raw = path.read_bytes()
    if raw[:2] == _GZIP_MAGIC:
        data = _decompress(raw, source, max_bytes)
    elif path.suffix == ".gz" and raw:
        raise UnsupportedInputError(source, "named .gz but not gzip-compressed")
    else:
        data = raw
    if not data.strip():
        raise EmptyInputError(source, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EncodingError(
            source, f"not UTF-8 at byte {error.start}: GeoJSON must be UTF-8"
        ) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnsupportedInputError(
            source, f"not JSON ({error.msg} at line {error.lineno} column {error.colno})"
        ) from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise UnsupportedInputError(source, "not a GeoJSON FeatureCollection")
    if not isinstance(document.get("features"), list):
        raise UnsupportedInputError(source, "the FeatureCollection has no 'features' list")
    return document
