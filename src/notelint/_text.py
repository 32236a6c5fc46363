"""Offsets, lines and columns over a text (code points, 1-based lines and columns)."""

from __future__ import annotations

import bisect
import re


class LineIndex:
    """Maps 0-based code-point offsets to 1-based (line, column) and back."""

    __slots__ = ("_len", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        for m in re.finditer(r"\r\n|\n|\r", text):
            starts.append(m.end())
        self._starts = starts
        self._len = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, self._len))
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self._starts)))
        return min(self._starts[line - 1] + column - 1, self._len)

    def line_span(self, line: int) -> tuple[int, int]:
        """[start, end) of a 1-based line, without its line break."""
        start = self.offset(line)
        end = self._starts[line] if line < len(self._starts) else self._len
        return start, end

    @property
    def lines(self) -> int:
        return len(self._starts)


def utf16_to_codepoints(text: str, offset16: int) -> int:
    """Convert a UTF-16 code-unit offset (as LanguageTool reports) to a code-point offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
