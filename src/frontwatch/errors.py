"""Exceptions raised by frontwatch.

Every error a user can cause derives from :class:`FrontwatchError` and carries a message
that names the input (file, URL, line, setting) and says what is wrong with it, so that the
CLI can print it as one line without a traceback.

Input errors (:class:`InputError` and its subclasses) concern one input. A batch records
them as failures and goes on with the other inputs.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "FrontwatchError",
    "GazetteerError",
    "InputError",
    "InputNotFoundError",
    "InputTooLargeError",
    "MalformedFeedError",
    "MalformedHTMLError",
    "MalformedRecordError",
    "ModelNotFoundError",
    "UnsupportedInputError",
]


class FrontwatchError(Exception):
    """Base class of every error frontwatch raises on purpose."""


class ConfigError(FrontwatchError):
    """A setting has an invalid value; the message names the setting and where it came from."""


class GazetteerError(FrontwatchError):
    """The gazetteer file is missing, unreadable or of another schema version."""


class ModelNotFoundError(FrontwatchError):
    """The configured spaCy model package is not installed."""


class InputError(FrontwatchError):
    """One input cannot be read as an article.

    ``source`` names the input (a path, ``path:line``, ``path#entry``, ``<stdin>``);
    ``reason`` says what is wrong with it, in words a user can act on.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputNotFoundError(InputError):
    """The path does not exist."""


class EmptyInputError(InputError):
    """The input has no bytes, or only whitespace, or no extractable text."""


class BinaryInputError(InputError):
    """The input is not text (NUL bytes or a known binary signature)."""


class InputTooLargeError(InputError):
    """The input exceeds the ``max_input_bytes`` or ``max_article_chars`` setting."""


class EncodingError(InputError):
    """The bytes are not valid UTF-8 and no other encoding could be detected with confidence."""


class MalformedHTMLError(InputError):
    """The HTML is truncated or has no article text."""


class MalformedRecordError(InputError):
    """A JSONL line is not a valid article record; ``source`` is ``path:line``."""


class MalformedFeedError(InputError):
    """An RSS/Atom feed cannot be parsed or one of its entries has no text."""


class UnsupportedInputError(InputError):
    """The input's format is not one frontwatch reads."""
