"""Notes as JSONL / Parquet records without Dask: `notelint check --input`, tables as output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dask_corpus import records
from notelint._errors import InputError
from notelint._records import read_records, record

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_record_takes_context_at_top_level_or_nested() -> None:
    r = record(
        {"id": 7, "text": "Hi", "company": "Acme", "context": {"recipient": "Ann"}},
        where="line 1",
        file="x.jsonl",
    )
    assert (r.id, r.path, r.label) == ("7", None, "7")
    assert r.context == {"company": "Acme", "recipient": "Ann"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '{"id": 1, "txt": "x"}',
            "line 1 is not a note record: unknown key 'txt' (did you mean 'text'?)",
        ),
        ('{"id": 1, ', "line 1 is not a note record: not valid JSON"),
        ('["a"]', "expected an object with 'text', got list"),
        ('{"id": 1, "text": 5}', "'text' must be a string"),
        ('{"id": 1, "text": "  "}', "'text' is empty"),
    ],
)
def test_bad_jsonl_is_one_line_naming_the_file(tmp_path: Path, line: str, expected: str) -> None:
    p = tmp_path / "notes.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_records(p)
    assert exc.value.line().startswith(f"{p}: E015 ")
    assert expected in exc.value.line()


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    p = _jsonl(tmp_path / "n.jsonl", [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}])
    with pytest.raises(InputError, match="id 'a' is already used by note 1"):
        read_records(p)


def test_cli_input_bad_files_exit_2_without_traceback(tmp_path: Path, run_cli: Any) -> None:
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "\xff"}\n')
    for name, code in (("bad.parquet", "E016"), ("bad.jsonl", "E015"), ("nope.jsonl", "E008")):
        r = run_cli("check", "--no-grammar", "--input", str(tmp_path / name))
        assert r.code == 2
        assert r.err.count("\n") == 1 and code in r.err and name in r.err
        assert "Traceback" not in r.err
    (tmp_path / "notes.csv").write_text("id,text\n", encoding="utf-8")
    r = run_cli("check", "--input", str(tmp_path / "notes.csv"))
    assert r.code == 2 and ".jsonl, .ndjson or .parquet" in r.err


def test_cli_input_jsonl_and_parquet_give_the_same_tables(tmp_path: Path, run_cli: Any) -> None:
    rows = records(8)
    src = _jsonl(tmp_path / "notes.jsonl", rows)
    r = run_cli("check", "--no-grammar", "--input", str(src))
    assert r.code == 1
    assert "dup-a:" in r.out and "leftover:" in r.out  # the id stands in for the path
    out = tmp_path / "f.parquet"
    assert run_cli("check", "--no-grammar", "--input", str(src), "-o", str(out)).code == 1
    findings = pq.read_table(out).to_pylist()
    assert {f["id"] for f in findings if f["rule"] == "duplicate-note"} == {
        "dup-a",
        "dup-b",
        "dup-c",
    }
    notes = pq.read_table(tmp_path / "f.notes.parquet").to_pylist()
    assert [n["id"] for n in notes] == [r["id"] for r in rows]
    # the same notes as Parquet (context keys as columns, nulls where absent), JSONL out
    flat = [{k: v for k, v in r.items() if k != "context"} | r.get("context", {}) for r in rows]
    keys = list(dict.fromkeys(k for f in flat for k in f))
    pq.write_table(
        pa.Table.from_pylist([{k: f.get(k) for k in keys} for f in flat]),
        tmp_path / "notes.parquet",
    )
    out2 = tmp_path / "g.jsonl"
    r2 = run_cli(
        "check", "--no-grammar", "--input", str(tmp_path / "notes.parquet"), "-o", str(out2)
    )
    assert r2.code == 1, r2.err
    lines = [json.loads(x) for x in out2.read_text(encoding="utf-8").splitlines()]
    assert lines == findings


def test_cli_input_names_a_note_that_fails_and_keeps_the_others(
    tmp_path: Path, run_cli: Any
) -> None:
    from dask_corpus import BROKEN

    rows = records(3)
    src = _jsonl(tmp_path / "notes.jsonl", [rows[0], BROKEN, *rows[1:]])
    out = tmp_path / "f.jsonl"
    r = run_cli("check", "--no-grammar", "--input", str(src), "-o", str(out))
    assert r.code == 2
    assert "notelint: broken: " in r.err and "E004" in r.err and "1 failed" in r.err
    notes_out = tmp_path / "f.notes.jsonl"
    notes = [json.loads(x) for x in notes_out.read_text(encoding="utf-8").splitlines()]
    assert [n["id"] for n in notes] == [rows[0]["id"], "broken", *(x["id"] for x in rows[1:])]
    assert [n["failed"] for n in notes] == [False, True] + [False] * (len(rows) - 1)
