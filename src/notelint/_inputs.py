"""Validating what API callers pass in, so that mistakes become notelint's own errors.

Everything here raises :class:`~notelint.InputError` or :class:`~notelint.UsageError` with one
clear line instead of a ``TypeError`` / ``ValueError`` from deep inside spaCy or pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from notelint._errors import InputError, UsageError

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: object, *, name: str | None) -> str:
    """``text`` if it is a ``str`` of valid Unicode; InputError/UsageError otherwise."""
    if not isinstance(text, str):
        raise UsageError("U002", detail=f"note text must be a str, not {type(text).__name__}")
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InputError(
            "E013",
            path=name or "<text>",
            detail=f"a lone surrogate U+{ord(bad.group()):04X} at offset {bad.start()}",
        )
    return text


def check_context(context: object) -> None:
    """``context`` must be None, a mapping or a Context."""
    from notelint._context import Context

    if context is None or isinstance(context, (Context, Mapping)):
        return
    raise UsageError(
        "U002",
        detail=f"context must be a dict or a notelint.Context, not {type(context).__name__}",
    )


def check_lang(lang: object, *, what: str = "lang") -> str | None:
    """A normalized language tag ('EN' -> 'en', 'de_at' -> 'de-AT'), or UsageError."""
    from notelint._context import normalize_lang

    if lang is None:
        return None
    if not isinstance(lang, str):
        raise UsageError(
            "U002", detail=f"{what} must be a str such as 'en', not {type(lang).__name__}"
        )
    try:
        return normalize_lang(lang)
    except ValueError as exc:
        raise UsageError("U002", detail=f"{what}: {exc}") from None


def check_path(path: object) -> str:
    """A file path given to the API as text: str or path-like, without NUL characters."""
    import os

    try:
        raw = os.fspath(path)  # type: ignore[call-overload]
    except TypeError:
        raise UsageError(
            "U002", detail=f"a path must be a str or os.PathLike, not {type(path).__name__}"
        ) from None
    text = os.fsdecode(raw)
    if "\0" in text:
        raise InputError(
            "E006", path=text.replace("\0", "\\0"), detail="the path contains a NUL character"
        )
    return text


def printable(name: str) -> str:
    """A file name as valid Unicode for reports: bytes that were not UTF-8 (kept by Python as
    lone surrogates) become ``\\xNN`` escapes, so JSON, SARIF and text output stay valid."""

    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(escape, name)
