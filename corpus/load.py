"""Read the labeled corpus and turn its notes into notelint notes with gold sentence labels."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from corpus.gold import STRUCTURE, note_rules

ROOT = Path(__file__).resolve().parent
DEV_SHARE = 5  # one writer in five is in the dev split


@dataclass
class Labeled:
    """A corpus note: its record and the gold label of each character of the body."""

    record: dict[str, Any]
    spans: list[tuple[int, int, str]]  # (start, end, label) of each segment in the text

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def lang(self) -> str:
        return str(self.record["lang"])

    @property
    def writer(self) -> str:
        return str(self.record["writer"])

    @property
    def stage(self) -> str:
        return str(self.record["stage"])

    @property
    def rules(self) -> set[str]:
        return note_rules(self.record)

    def label_of(self, start: int, end: int) -> str:
        """The gold label of the segment that overlaps [start, end) most."""
        best, label = 0, "structure"
        for s, e, lab in self.spans:
            overlap = min(e, end) - max(s, start)
            if overlap > best:
                best, label = overlap, lab
        return "structure" if label in STRUCTURE else label


def valid_context(context: dict[str, Any]) -> dict[str, Any]:
    """The context keys notelint accepts (a writer's invalid value is left out, not fatal)."""
    from notelint._context import Context

    out: dict[str, Any] = {}
    for key, value in context.items():
        try:
            Context.model_validate({key: value})
        except ValueError:
            continue
        out[key] = value
    return out


def read(paths: Iterable[Path]) -> Iterator[Labeled]:
    for path in sorted(paths):
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            text = rec["text"]
            spans = []
            pos = 0
            for label, piece in rec["segments"]:
                piece = piece.strip()
                at = text.find(piece, pos)
                spans.append((at, at + len(piece), label))
                pos = at + len(piece)
            yield Labeled(rec, spans)


def folder(name: str) -> list[Path]:
    return sorted((ROOT / name).glob("*.yaml"))


def is_dev(writer: str) -> bool:
    """The writer's notes are in the dev split (fixed by a hash of the writer id)."""
    return int(hashlib.sha256(writer.encode()).hexdigest(), 16) % DEV_SHARE == 0
