"""Splitting YAML front matter from the body, with safe loading and key positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from notelint._errors import InputError

_OPEN = re.compile(r"\A---[ \t]*(\r\n|\n|\r)")
# a closing line starts after any line ending: \n, \r\n or a lone \r (classic Mac files)
_CLOSE = re.compile(r"(?<=[\r\n])(---|\.\.\.)[ \t]*(\r\n|\n|\r|\Z)")


@dataclass(frozen=True)
class KeyPos:
    """Where a front matter key and its value sit in the whole file (0-based offsets)."""

    key_start: int
    key_end: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    positions: dict[str, KeyPos] = field(default_factory=dict)
    span: tuple[int, int] = (0, 0)  # [start, end) of the whole block including fences
    present: bool = False


# libyaml's parser when PyYAML was built with it (much faster); same safe constructor either way.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(inner: str) -> tuple[Any, Any]:
    """Parse once: the node tree (for key positions) and the constructed data (safe types only)."""
    loader = _Loader(inner)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def split_front_matter(text: str, *, name: str = "<text>") -> tuple[FrontMatter, int]:
    """Parse front matter at the very top; return it and the offset where the body starts."""
    m = _OPEN.match(text)
    if not m:
        return FrontMatter(), 0
    inner_start = m.end()
    close = _CLOSE.search(text, inner_start)
    if close is None:
        raise InputError("E009", path=name)
    inner = text[inner_start : close.start()]
    body_start = close.end()
    if not inner.strip():
        return FrontMatter(span=(0, body_start), present=True), body_start
    try:
        node, data = _load(inner)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError("E004", path=name, detail=f"{problem}{where}") from None
    except RecursionError:
        raise InputError("E004", path=name, detail="nested too deeply") from None
    except ValueError as exc:  # e.g. a date like 2025-13-01, or text libyaml cannot encode
        raise InputError("E004", path=name, detail=str(exc).splitlines()[0]) from None
    if data is None:
        return FrontMatter(span=(0, body_start), present=True), body_start
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise InputError("E005", path=name, kind=f"a {type(data).__name__}")
    positions: dict[str, KeyPos] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        positions[key] = KeyPos(
            inner_start + key_node.start_mark.index,
            inner_start + key_node.end_mark.index,
            inner_start + value_node.start_mark.index,
            inner_start + value_node.end_mark.index,
        )
    clean = {str(k): v for k, v in data.items()}
    return FrontMatter(
        data=clean, positions=positions, span=(0, body_start), present=True
    ), body_start
