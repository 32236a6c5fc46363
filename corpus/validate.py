"""Check labeled note files against GUIDE.md and print what the rules should say.

    python corpus/validate.py corpus/train/en-t1.yaml [more files]

Exit 1 with one line per problem; exit 0 with a summary (notes, writers, kinds, how many notes
each content rule should fire on) when every note is valid.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import CONTENT_RULES, LABELS, note_rules

KINDS = frozenset(
    {
        "thanks-first",
        "thanks-second",
        "thanks-panel",
        "thanks-final",
        "check-in",
        "withdrawal",
        "reply-gracious",
        "reply-cool",
        "reply-bitter",
        "reply-sarcastic",
        "template",
    }
)
STAGES = frozenset({"after-interview", "after-rejection"})
CONTEXT_KEYS = frozenset(
    {
        "interviewers",
        "recipient",
        "sender",
        "company",
        "company_aliases",
        "role",
        "topics",
        "interview_at",
        "send_at",
        "channel",
        "stage",
        "lang",
        "template",
    }
)
FIELDS = frozenset({"id", "writer", "lang", "kind", "stage", "context", "text", "segments"})


def check_note(note: Any, ids: set[str]) -> list[str]:
    if not isinstance(note, dict):
        return ["a note must be a mapping"]
    nid = note.get("id", "?")
    problems: list[str] = []
    missing = {"id", "writer", "lang", "kind", "stage", "text", "segments"} - set(note)
    if missing:
        return [f"{nid}: missing {sorted(missing)}"]
    extra = set(note) - FIELDS
    if extra:
        problems.append(f"{nid}: unknown fields {sorted(extra)}")
    if nid in ids:
        problems.append(f"{nid}: duplicate id")
    ids.add(nid)
    if note["lang"] not in ("en", "de"):
        problems.append(f"{nid}: lang must be en or de")
    if note["kind"] not in KINDS:
        problems.append(f"{nid}: unknown kind {note['kind']!r}")
    if note["stage"] not in STAGES:
        problems.append(f"{nid}: stage must be one of {sorted(STAGES)}")
    ctx = note.get("context") or {}
    if not isinstance(ctx, dict):
        problems.append(f"{nid}: context must be a mapping")
    else:
        bad = set(ctx) - CONTEXT_KEYS
        if bad:
            problems.append(f"{nid}: unknown context keys {sorted(bad)}")
        if "stage" in ctx and ctx["stage"] != note["stage"]:
            problems.append(f"{nid}: context stage differs from the true stage")
    text = note["text"]
    if not isinstance(text, str) or not text.strip():
        return [*problems, f"{nid}: empty text"]
    segs = note["segments"]
    if not isinstance(segs, list) or not segs:
        return [*problems, f"{nid}: segments must be a non-empty list"]
    pos = 0
    for i, seg in enumerate(segs):
        if not (isinstance(seg, list) and len(seg) == 2 and all(isinstance(s, str) for s in seg)):
            problems.append(f"{nid}: segment {i + 1} must be [label, text]")
            continue
        label, piece = seg
        if label not in LABELS:
            problems.append(f"{nid}: segment {i + 1} has unknown label {label!r}")
        piece = piece.strip()
        if not piece:
            problems.append(f"{nid}: segment {i + 1} is empty")
            continue
        at = text.find(piece, pos)
        if at < 0:
            problems.append(
                f"{nid}: segment {i + 1} {piece[:50]!r} is not in the text verbatim after the "
                "previous segment"
            )
            continue
        gap = text[pos:at]
        if gap.strip():
            problems.append(f"{nid}: text {gap.strip()[:50]!r} before segment {i + 1} is unlabeled")
        pos = at + len(piece)
    if text[pos:].strip():
        problems.append(f"{nid}: text {text[pos:].strip()[:50]!r} at the end is unlabeled")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    problems: list[str] = []
    notes: list[dict[str, Any]] = []
    ids: set[str] = set()
    for name in argv:
        try:
            data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{name}: cannot read: {exc}".splitlines()[0])
            continue
        if not isinstance(data, list):
            problems.append(f"{name}: the file must be a YAML list of notes")
            continue
        for note in data:
            found = check_note(note, ids)
            problems.extend(f"{name}: {p}" for p in found)
            if not found:
                notes.append(note)
    for p in problems:
        print(p)
    if problems:
        return 1
    fired = Counter(r for n in notes for r in note_rules(n))
    labels = Counter(s[0] for n in notes for s in n["segments"])
    print(f"{len(notes)} notes valid, {len({n['writer'] for n in notes})} writers")
    print("kinds:", dict(sorted(Counter(n["kind"] for n in notes).items())))
    print("labels:", dict(sorted(labels.items())))
    for lang in ("en", "de"):
        sub = [n for n in notes if n["lang"] == lang]
        if sub:
            c = Counter(r for n in sub for r in note_rules(n))
            print(f"{lang}: {len(sub)} notes; rule fires on:", {r: c[r] for r in CONTENT_RULES})
    print("clean (no content rule fires):", sum(1 for n in notes if not note_rules(n)))
    del fired
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
