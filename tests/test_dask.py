"""notelint.dask on a real distributed.LocalCluster (2 worker processes), without LanguageTool.

Results must equal a serial run (including duplicate-note and wrong-company across
partitions); a worker killed mid-run loses no note; failed notes are named with the reason.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from dask_corpus import BROKEN, records
from notelint import dask as nd
from notelint.dask._run import _failed_partition

pytestmark = pytest.mark.xdist_group("dask")  # one cluster per test process (--dist loadgroup)

SETTINGS: dict[str, Any] = {"grammar": False}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        nd.register(c, **SETTINGS)
        yield c


def _same(got: nd.Results, want: nd.Results) -> None:
    pd.testing.assert_frame_equal(got.findings, want.findings)
    pd.testing.assert_frame_equal(got.notes, want.notes)


def test_bag_on_two_workers_equals_a_serial_run(client: Client) -> None:
    recs = records(40)
    result = nd.lint(db.from_sequence(recs, npartitions=6), **SETTINGS)
    got = result.compute()
    want = nd.serial(recs, **SETTINGS)
    _same(got, want)
    f = got.findings
    dups = f[f["rule"] == "duplicate-note"]
    # dup-a is note 2 of partition 0, dup-b and dup-c are in the last partition
    assert set(dups["id"]) == {"dup-a", "dup-b", "dup-c"}
    assert "dup-b" in dups[dups["id"] == "dup-a"]["message"].item()
    wrong = f[(f["rule"] == "wrong-company") & (f["id"] == "leftover")]
    assert "the company of dup-a" in wrong["message"].item()
    assert not got.notes["failed"].any() and len(got.notes) == len(recs)
    assert got.total == len(recs)


def test_dataframe_with_context_columns_and_renamed_columns(client: Client) -> None:
    recs = records(12)
    rows = []
    for r in recs:
        row = {"note_id": r["id"], "body": r["text"]}
        row.update({k: v for k, v in r.items() if k not in ("id", "text", "context")})
        row.update(r.get("context", {}))
        rows.append(row)
    frame = dd.from_pandas(pd.DataFrame(rows), npartitions=3)
    result = nd.lint(frame, columns={"body": "text", "note_id": "id"}, **SETTINGS)
    _same(result.compute(), nd.serial(recs, **SETTINGS))
    # the lazy frames work too
    assert len(result.findings.compute()) == len(nd.serial(recs, **SETTINGS).findings)


def test_failed_notes_are_named_with_the_reason(client: Client) -> None:
    recs = [*records(6), BROKEN, {"id": "no-text", "company": "Acme"}]
    got = nd.lint(db.from_sequence(recs, npartitions=2), **SETTINGS).compute()
    failed = got.failed.set_index("id")["failure"].to_dict()
    assert set(failed) == {"broken", "no-text"}
    assert "E004" in failed["broken"]
    assert "missing 'text'" in failed["no-text"]
    assert got.notes[~got.notes["failed"]]["score"].notna().all()


def test_a_worker_killed_mid_run_loses_no_note(client: Client) -> None:
    recs = records(160, seed=3)
    want = nd.serial(recs, **SETTINGS)
    result = nd.lint(db.from_sequence(recs, npartitions=8), **SETTINGS)
    pids = client.run(os.getpid)
    victim = sorted(pids)[0]
    killed = False

    def progress(n: int) -> None:
        nonlocal killed
        if not killed:  # the first partition is done: the others are running or waiting
            os.kill(pids[victim], signal.SIGKILL)
            killed = True

    got = result.compute(progress=progress)
    assert killed
    assert not got.notes["failed"].any()
    _same(got, want)
    deadline = time.monotonic() + 30  # the nanny brings the worker back for the next tests
    while len(client.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)


def test_a_partition_that_fails_for_good_marks_its_notes_failed(client: Client) -> None:
    recs = records(6)
    result = nd.lint(db.from_sequence(recs, npartitions=2), **SETTINGS)
    rows = _failed_partition(result, 0, RuntimeError("worker died 3 times"))
    assert len(rows) > 0 and rows["failed"].all()
    assert rows["failure"].str.contains("worker died 3 times").all()
    assert set(rows["id"]) <= {r["id"] for r in recs}


def test_any_scheduler_threads_without_a_client() -> None:
    recs = records(8)
    with dask.config.set(scheduler="threads"):
        got = nd.lint(db.from_sequence(recs, npartitions=3), **SETTINGS).compute()
    _same(got, nd.serial(recs, **SETTINGS))


def test_cli_scheduler_writes_parquet_like_a_serial_run(
    client: Client, tmp_path: Path, run_cli: Any
) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(json.dumps(r) + "\n" for r in records(10)), encoding="utf-8")
    address = client.scheduler.address
    out, ref = tmp_path / "out.parquet", tmp_path / "ref.parquet"
    r = run_cli(
        "check", "--no-grammar", "--scheduler", address, "--input", str(notes), "-o", str(out)
    )
    assert r.code == 1, r.err
    assert "notes, " in r.err and "0 failed" in r.err
    r2 = run_cli("check", "--no-grammar", "--input", str(notes), "-o", str(ref))
    assert r2.code == 1, r2.err
    pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(ref))
    notes_out = pd.read_parquet(tmp_path / "out.notes.parquet")
    pd.testing.assert_frame_equal(notes_out, pd.read_parquet(tmp_path / "ref.notes.parquet"))
    assert list(notes_out["id"][:2]) == ["n0", "dup-a"]


def test_read_notes_from_jsonl_and_parquet(tmp_path: Path) -> None:
    recs = records(8)
    src = tmp_path / "notes.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    want = nd.serial(recs, **SETTINGS)
    with dask.config.set(scheduler="sync"):
        got = nd.lint(nd.read_notes(str(src), npartitions=3), **SETTINGS).compute()
        _same(got, want)
        got.findings.to_parquet(tmp_path / "f.parquet")
        flat = [{k: v for k, v in r.items() if k != "context"} | r.get("context", {}) for r in recs]
        pd.DataFrame(flat).to_parquet(tmp_path / "notes.parquet")
        got2 = nd.lint(nd.read_notes(str(tmp_path / "notes.parquet")), **SETTINGS).compute()
    _same(got2, want)


@pytest.mark.languagetool
def test_languagetool_on_a_shared_server_url_equals_a_serial_run() -> None:
    """The one small LanguageTool check: a pool of one URL, the synchronous scheduler."""
    from notelint._languagetool import LanguageToolUnavailable, connect

    try:
        url = connect(languages=("en-US", "de-DE")).url
    except LanguageToolUnavailable as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"LanguageTool unavailable: {exc}")
    recs = [
        {"id": "typo", "text": "Dear Ann,\n\nThank you for the tuor of the archve today.\n"},
        *records(3),
    ]
    settings = {"languagetool_url": [url], "select": ["spelling", "grammar", "placeholder"]}
    with dask.config.set(scheduler="sync"):
        got = nd.lint(db.from_sequence(recs, npartitions=2), **settings).compute()
    _same(got, nd.serial(recs, **settings))
    assert "spelling" in set(got.findings[got.findings["id"] == "typo"]["rule"])


def test_cli_scheduler_on_a_folder_of_notes(client: Client, tmp_path: Path, run_cli: Any) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for r in records(3)[:3]:
        (drafts / f"{r['id']}.md").write_text(r["text"], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    address = client.scheduler.address
    r = run_cli("check", "--no-grammar", "--scheduler", address, str(drafts), "-o", str(out))
    assert r.code in (0, 1), r.err
    notes = [json.loads(x) for x in (tmp_path / "out.notes.jsonl").read_text().splitlines()]
    assert sorted(n["id"] for n in notes) == sorted(str(p) for p in drafts.glob("*.md"))
    r = run_cli("check", "--scheduler", address, str(drafts))
    assert r.code == 2 and "--output FILE.parquet" in r.err
