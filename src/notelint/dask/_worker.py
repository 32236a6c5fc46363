"""What runs on the workers: one warm Linter per worker process and the partition functions.

Every function here takes and returns pandas frames (one Dask partition) and runs under any
Dask scheduler. The Linter lives in a process-wide cache keyed by its settings, so each worker
process builds one (spaCy pipelines, rule packs, its LanguageTool connection) and every task
on it reuses it; :class:`NotelintPlugin` builds and warms it when a distributed worker starts
and closes it (and the LanguageTool server it started) when the worker stops.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from distributed import WorkerPlugin

from notelint._config import Config
from notelint._engine import Linter, RuleSet
from notelint._errors import InputError, NotelintError
from notelint._note import Note
from notelint._records import FINDING_COLUMNS, NOTE_COLUMNS, finding_rows, note_row, record
from notelint.dask._plan import FirstName, Plan, first_names, note_keys, note_names

# -- the columns of the internal frames ------------------------------------------------------

FIELDS = {
    "nl_id": object,
    "nl_path": object,
    "nl_text": object,
    "nl_ctx": object,
    "nl_fail": object,
}
ORDERED = {"nl_order": "int64", **FIELDS}
NAMED = {**ORDERED, "nl_names": object}
GROUPED = {**NAMED, "nl_group": "int64"}
PLAN_ROWS = {
    "name": object,
    "order": "int64",
    "position": "int64",
    "path": object,
    "context": object,
    "link": object,
    "count": "int64",
}
_KINDS = {"string": object, "int64": "Int64", "bool": "bool", "list<string>": object}
FINDINGS = {c: _KINDS[k] for c, k in FINDING_COLUMNS}
NOTES = {c: _KINDS[k] for c, k in NOTE_COLUMNS}
LINTED = {"nl_order": "int64", **NOTES, "nl_findings": object}


def frame(rows: list[dict[str, Any]], columns: Mapping[str, Any]) -> pd.DataFrame:
    """A pandas frame with exactly ``columns`` and their dtypes (empty frames too)."""
    data = {c: pd.Series([r.get(c) for r in rows], dtype=dtype) for c, dtype in columns.items()}
    return pd.DataFrame(data, columns=list(columns))


# -- one warm Linter per worker process ----------------------------------------------------


@dataclass(frozen=True)
class LinterSpec:
    """How the workers build their Linter (sent with every task: small and picklable)."""

    config: Config
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    lang: str | None = None
    languagetool_urls: tuple[str, ...] = ()
    threads: int = 4

    @property
    def key(self) -> str:
        return json.dumps(
            [
                self.config.model_dump(mode="json"),
                self.select,
                self.ignore,
                self.extend_select,
                self.lang,
                self.languagetool_urls,
            ],
            sort_keys=True,
        )


_LOCK = threading.Lock()
_LINTERS: dict[str, Linter] = {}
_PEERS: dict[tuple[str, str], list[tuple[Note, RuleSet]]] = {}


def _worker_number() -> int:
    """This worker's number (its name on a LocalCluster), else a number from the process id."""
    try:
        from distributed import get_worker

        name = get_worker().name
    except (ImportError, ValueError):
        return os.getpid()
    return name if isinstance(name, int) else zlib.crc32(str(name).encode())


def worker_linter(spec: LinterSpec) -> Linter:
    """The Linter of this process for ``spec``, built on first use."""
    key = spec.key
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            config = spec.config
            if spec.languagetool_urls:  # a pool of servers: each worker keeps to one of them
                url = spec.languagetool_urls[_worker_number() % len(spec.languagetool_urls)]
                lt = config.languagetool.model_copy(update={"url": url})
                config = config.model_copy(update={"languagetool": lt})
            linter = Linter(
                config,
                select=spec.select,
                ignore=spec.ignore,
                extend_select=spec.extend_select,
                lang=spec.lang,
            )
            _LINTERS[key] = linter
        return linter


def close_linters() -> None:
    """Close every Linter of this process and stop the LanguageTool server it started.

    (A worker that is killed cannot do this: the server's watchdog stops it then.)
    """
    with _LOCK:
        for linter in _LINTERS.values():
            linter.close()
        _LINTERS.clear()
        _PEERS.clear()
    from notelint._languagetool import shutdown

    shutdown()


# One English and one German note with context: loads both spaCy pipelines and the packs.
WARM_UP = (
    "---\ncompany: Acme\ninterviewers: [Ann Lee]\ntopics: [archive]\n---\n"
    "Dear Ann,\n\nthank you for the tour of the archive today.\n\nBest,\nSam\n",
    "---\ncompany: Acme\ninterviewers: [Anna Berg]\ntopics: [Archiv]\n---\n"
    "Liebe Frau Berg,\n\nvielen Dank für die Führung durch das Archiv.\n\nViele Grüße\nSam\n",
)


class NotelintPlugin(WorkerPlugin):  # type: ignore[misc]
    """Builds and warms the worker's Linter at start (spaCy, packs, LanguageTool); closes it at exit."""

    name = "notelint"

    def __init__(self, spec: LinterSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        worker_linter(self.spec).check_many(list(WARM_UP))

    def teardown(self, worker: Any) -> None:
        close_linters()


# -- partition functions -------------------------------------------------------------------


def fields_of(item: Mapping[str, Any], *, columns: Mapping[str, str]) -> dict[str, Any]:
    """The internal fields of one note (a bag item or a frame row); ``_fail`` if it is not one."""
    raw = {columns.get(k, k): v for k, v in item.items()}
    try:
        rec = record(raw, where="note", file="<dask>", strict=False)
    except InputError as exc:
        ident = raw.get("id", raw.get("path"))
        return {
            "nl_id": None if ident is None else str(ident),
            "nl_path": raw.get("path") if isinstance(raw.get("path"), str) else None,
            "nl_text": "",
            "nl_ctx": "{}",
            "nl_fail": exc.line(),
        }
    return {
        "nl_id": rec.id if ("id" in raw and raw["id"] is not None) or rec.path else None,
        "nl_path": rec.path,
        "nl_text": rec.text,
        "nl_ctx": json.dumps(rec.context, ensure_ascii=False, default=str),
        "nl_fail": None,
    }


def fields_frame(pdf: pd.DataFrame, columns: Mapping[str, str]) -> pd.DataFrame:
    """A user's frame of notes as internal fields (``columns`` renames to text/id/path)."""
    rows = [fields_of(r, columns=columns) for r in pdf.to_dict("records")]
    return frame(rows, FIELDS)


def with_order(pdf: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """Add the run order (partition, position) and default ids ("partition:position")."""
    part = int(partition_info["number"]) if partition_info else 0
    out = pdf.copy()
    out.insert(0, "nl_order", pd.Series([(part << 32) + i for i in range(len(pdf))], dtype="int64"))
    out.index = pd.RangeIndex(len(out))
    ids = [
        i if isinstance(i, str) else (p if isinstance(p, str) else f"{part}:{n}")
        for n, (i, p) in enumerate(zip(pdf["nl_id"], pdf["nl_path"], strict=True))
    ]
    out["nl_id"] = pd.Series(ids, dtype=object)
    for col in ("nl_path", "nl_text", "nl_ctx", "nl_fail"):  # pandas may turn None into NaN
        out[col] = pd.Series([v if isinstance(v, str) else None for v in pdf[col]], dtype=object)
    return out[list(ORDERED)].astype(ORDERED)


def _parse(linter: Linter, row: Any) -> tuple[Note, RuleSet]:
    return linter.parse(row.nl_text, path=row.nl_path or row.nl_id, context=json.loads(row.nl_ctx))


def with_names(pdf: pd.DataFrame, spec: LinterSpec) -> pd.DataFrame:
    """Add each note's company names (JSON list) as its parsed context gives them."""
    linter = worker_linter(spec)
    names: list[str] = []
    for row in pdf.itertuples(index=False):
        found: list[str] = []
        if row.nl_fail is None:
            try:
                note, _rs = _parse(linter, row)
            except NotelintError:
                pass
            else:
                ctx = note.dump_context()
                found = note_names(ctx)
                stand_in = {k: ctx[k] for k in ("company", "company_aliases") if k in ctx}
                found = [json.dumps({**stand_in, "lang": note.lang_tag}), *found]
        names.append(json.dumps(found))
    out = pdf.copy()
    out["nl_names"] = pd.Series(names, dtype=object, index=pdf.index)
    return out


def plan_rows(pdf: pd.DataFrame) -> pd.DataFrame:
    """This partition's share of the plan: first names, distinct key sets, its note count."""
    rows: list[tuple[int, str, str, list[str]]] = []
    links: set[tuple[str, ...]] = set()
    for row in pdf.itertuples(index=False):
        found = json.loads(row.nl_names)
        if not found:
            continue
        stand_in, names = found[0], found[1:]
        rows.append((row.nl_order, row.nl_path or row.nl_id, stand_in, names))
        keys = tuple(note_keys(names))
        if keys:
            links.add(keys)
    out: list[dict[str, Any]] = [
        {"name": f.name, "order": f.order, "position": f.position, "path": f.path}
        | {"context": f.context, "link": None, "count": 0}
        for f in first_names(rows)
    ]
    out += [{"link": json.dumps(k), "order": 0, "position": 0, "count": 0} for k in sorted(links)]
    out.append({"order": 0, "position": 0, "count": len(pdf)})
    return frame(out, PLAN_ROWS)


def firsts_and_links(rows: pd.DataFrame) -> tuple[list[FirstName], list[list[str]], int]:
    """The gathered plan rows as first names, key sets and the number of notes."""
    firsts = [
        FirstName(r.name, int(r.order), int(r.position), r.path, r.context)
        for r in rows.itertuples(index=False)
        if isinstance(r.name, str)
    ]
    links = [json.loads(r.link) for r in rows.itertuples(index=False) if isinstance(r.link, str)]
    return firsts, links, int(rows["count"].sum())


def with_group(pdf: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """Add the group number each note is shuffled on (its company group)."""
    groups = [
        plan.group_of(json.loads(n)[1:], str(i))
        for n, i in zip(pdf["nl_names"], pdf["nl_id"], strict=True)
    ]
    out = pdf.copy()
    out["nl_group"] = pd.Series(groups, dtype="int64", index=pdf.index)
    return out


def _peers(linter: Linter, spec: LinterSpec, plan: Plan) -> list[tuple[Note, RuleSet]]:
    """The plan's stand-ins, parsed once per worker and plan."""
    key = (spec.key, plan.token)
    with _LOCK:
        cached = _PEERS.get(key)
    if cached is not None:
        return cached
    peers = [linter.parse("\n", path=f.path, context=json.loads(f.context)) for f in plan.firsts]
    with _LOCK:
        if len(_PEERS) > 4:
            _PEERS.clear()
        _PEERS[key] = peers
    return peers


def lint_frame(pdf: pd.DataFrame, spec: LinterSpec, plan: Plan) -> pd.DataFrame:
    """Lint one partition (whole company groups): a row per note with its findings as JSON."""
    linter = worker_linter(spec)
    pdf = pdf.sort_values("nl_order", kind="stable")
    out: dict[int, dict[str, Any]] = {}
    parsed: list[tuple[int, str, tuple[Note, RuleSet]]] = []
    for row in pdf.itertuples(index=False):
        if row.nl_fail is not None:
            out[row.nl_order] = failed_row(row.nl_id, row.nl_path, row.nl_fail, row.nl_order)
            continue
        try:
            parsed.append((row.nl_order, row.nl_id, _parse(linter, row)))
        except NotelintError as exc:
            out[row.nl_order] = failed_row(row.nl_id, row.nl_path, exc.line(), row.nl_order)
    peers = _peers(linter, spec, plan)
    try:
        reports = linter.check_parsed([p for _, _, p in parsed], jobs=spec.threads, peers=peers)
        done = list(zip(parsed, reports, strict=True))
    except Exception:  # a rule crashed on some note: find it, check the others together
        good = []
        for item in parsed:
            try:
                linter.check_parsed([item[2]], peers=peers)
                good.append(item)
            except Exception as exc:
                line = exc.line() if isinstance(exc, NotelintError) else repr(exc)
                out[item[0]] = failed_row(item[1], item[2][0].path, line, item[0])
        reports = linter.check_parsed([p for _, _, p in good], jobs=spec.threads, peers=peers)
        done = list(zip(good, reports, strict=True))
    for (order, ident, _), report in done:
        row = note_row(ident, report.path, report)
        row["nl_order"] = order
        row["nl_findings"] = json.dumps(finding_rows(ident, report), ensure_ascii=False)
        out[order] = row
    return frame([out[k] for k in sorted(out)], LINTED)


def failed_row(ident: str, path: str | None, why: str, order: int) -> dict[str, Any]:
    row = note_row(ident, path, None, why)
    row["nl_order"] = order
    row["nl_findings"] = "[]"
    return row


def notes_frame(pdf: pd.DataFrame) -> pd.DataFrame:
    """The notes table of linted rows."""
    return pdf[list(NOTES)].reset_index(drop=True)


def findings_frame(pdf: pd.DataFrame) -> pd.DataFrame:
    """The findings table of linted rows (one row per finding)."""
    rows = [f for raw in pdf["nl_findings"] for f in json.loads(raw)]
    return frame(rows, FINDINGS)
