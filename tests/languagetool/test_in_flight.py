"""Several LanguageTool checks in flight with --jobs 1: the same findings, in the same order,
as one check at a time (the old path), on the example drafts and corpus notes."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from corpus.load import folder, read, valid_context

import notelint
from notelint._engine import NoteInput
from notelint._languagetool import LanguageToolClient
from notelint._languagetool import _notes as lt_notes

ROOT = Path(__file__).resolve().parents[2]


def _notes() -> list[NoteInput]:
    notes = [
        NoteInput(p.read_text(encoding="utf-8"), path=p.name)
        for p in sorted((ROOT / "examples" / "drafts").glob("*.md"))
    ]
    per_lang: dict[str, int] = {}
    for labeled in read(folder("train")):
        # a few notes of each corpus file: both languages, every writer group
        key = labeled.id.rsplit("-", 2)[0]
        if per_lang.get(key, 0) >= 4:
            continue
        per_lang[key] = per_lang.get(key, 0) + 1
        rec = labeled.record
        notes.append(
            NoteInput(
                f"---\nlang: {rec['lang']}\n---\n{rec['text']}",
                path=f"{labeled.id}.md",
                context=valid_context(rec.get("context") or {}),
            )
        )
    return notes


def _findings(url: str, notes: list[NoteInput]) -> list[list[dict[str, Any]]]:
    cfg = notelint.Config.model_validate(
        {"select": ["spelling", "grammar"], "cache": False, "languagetool": {"url": url}}
    )
    with notelint.Linter(cfg) as linter:
        reports = linter.check_many(notes, jobs=1)
    return [[f.model_dump(mode="json") for f in r.findings] for r in reports]


def test_in_flight_checks_give_the_same_findings(
    lt_client: LanguageToolClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _notes()
    assert len(notes) >= 30

    # the old path: one check at a time, sent when the rule asks
    with monkeypatch.context() as m:
        m.setattr(lt_notes.NoteChecker, "prefetch", lambda self, note: None)
        one_at_a_time = _findings(lt_client.url, notes)

    inside = most = 0
    lock = threading.Lock()
    check = LanguageToolClient.check

    def counting(self: LanguageToolClient, *args: Any, **kwargs: Any) -> Any:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        try:
            time.sleep(0.01)  # let the next ones start even when the server answers at once
            return check(self, *args, **kwargs)
        finally:
            with lock:
                inside -= 1

    monkeypatch.setattr(LanguageToolClient, "check", counting)
    in_flight = _findings(lt_client.url, notes)

    assert in_flight == one_at_a_time
    assert sum(map(len, one_at_a_time)) > 0  # the rules did find something
    assert 2 <= most <= lt_notes.IN_FLIGHT
