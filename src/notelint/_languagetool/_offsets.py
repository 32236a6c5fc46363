"""LanguageTool counts UTF-16 code units; Python counts code points. Convert between them."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable


def utf16_to_codepoint(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 offset in ``text`` to the code point offset.

    Every character above U+FFFF (emoji, some CJK, math letters) is two UTF-16 units
    but one code point; offsets after it shift by one each.
    """
    # Fast path: Basic Multilingual Plane only, offsets agree.
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return lambda offset: offset
    astral: list[int] = []  # UTF-16 start of each astral character
    unit = 0
    for ch in text:
        if ord(ch) > 0xFFFF:
            astral.append(unit)
            unit += 2
        else:
            unit += 1
    return lambda offset: offset - bisect_left(astral, offset)
