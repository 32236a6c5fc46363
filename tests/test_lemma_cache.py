"""The lemma table's SQLite copy in the user cache folder (cold-start speed-up of _nlp)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from notelint import _nlp


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sqlite_lemma_table_answers_like_the_json_table(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    table = _nlp._lemma_table(lang)
    assert isinstance(table, _nlp._SqliteLemmas)
    plain = _nlp._lemma_lookup(lang)
    keys = [*random.Random(5).sample(sorted(plain), 3000), "", "no-such-word-xyz", "Häuser"]
    assert [table.get(k, k) for k in keys] == [plain.get(k, k) for k in keys]


@pytest.mark.parametrize("damage", [b"not a database", b"SQLite format 3\x00" + b"\x00" * 200])
def test_corrupt_lemma_cache_is_rebuilt(
    damage: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    path = _nlp._lemma_cache_file("en")
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    table = _nlp._lemma_table("en")
    assert isinstance(table, _nlp._SqliteLemmas)
    assert table.get("went", "went") == _nlp._lemma_lookup("en").get("went", "went")
    assert path.stat().st_size > 1000


def test_unwritable_cache_folder_falls_back_to_the_json_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(blocker))  # a file: no folder can be made
    table = _nlp._lemma_table("en")
    assert isinstance(table, dict)
    assert table == _nlp._lemma_lookup("en")
