"""Notes as records (JSONL or Parquet files, one note a line or row) and results as tables.

A note record is a mapping with ``text`` (required), ``id`` and ``path`` (optional), the
context either as top-level keys (``company``, ``interviewers``, ...) or under ``context``.
Results are two flat tables: findings (one row per finding, with the note's id) and notes
(one row per note: score, counts, and whether it failed). Both are written as JSONL or
Parquet (pyarrow) by suffix. Dask is not needed here; ``notelint.dask`` uses the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notelint._context import CONTEXT_KEYS
from notelint._errors import InputError, UsageError, did_you_mean
from notelint._models import Report, Severity

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
RECORD_KEYS = ("id", "text", "path", "context")

FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("path", "string"),
    ("rule", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("line", "int64"),
    ("column", "int64"),
    ("end_line", "int64"),
    ("end_column", "int64"),
    ("text", "string"),
    ("suggestions", "list<string>"),
    ("fix_replacement", "string"),
    ("fix_applicability", "string"),
    ("source_engine", "string"),
    ("source_rule", "string"),
    ("source_category", "string"),
    ("url", "string"),
)
NOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("path", "string"),
    ("lang", "string"),
    ("score", "int64"),
    ("findings", "int64"),
    ("error", "int64"),
    ("warning", "int64"),
    ("info", "int64"),
    ("words", "int64"),
    ("sentences", "int64"),
    ("skipped", "list<string>"),
    ("failed", "bool"),
    ("failure", "string"),
)


@dataclass(frozen=True)
class NoteRecord:
    """One note read from a record: its id, text, path (None: the id is reported) and context."""

    id: str
    text: str
    path: str | None = None
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The path the note's report carries: its path, else its id."""
        return self.path if self.path is not None else self.id


def is_record_file(path: str | Path) -> bool:
    return str(path).lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


def _plain(value: Any) -> Any:
    """A JSON-like Python value from what pyarrow, pandas or numpy hand over (None for NaN)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars
    if callable(tolist) and not isinstance(value, (str, bytes)):
        value = tolist()
    to_py = getattr(value, "to_pydatetime", None)  # pandas Timestamp
    if callable(to_py):
        return _plain(to_py())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if _plain(v) is not None}
    return value


def record(raw: Mapping[str, Any], *, where: str, file: str, strict: bool = True) -> NoteRecord:
    """A NoteRecord from one mapping; InputError naming ``file`` and ``where`` if it is not one.

    ``strict``: unknown keys are an error (with did-you-mean); otherwise they are ignored
    (a data frame's other columns).
    """

    def bad(detail: str) -> InputError:
        return InputError("E015", path=file, where=where, detail=detail)

    if not isinstance(raw, Mapping):
        raise bad(f"expected an object with 'text', got {type(raw).__name__}")
    context: dict[str, Any] = {}
    for key, value in raw.items():
        key = str(key)
        if key in RECORD_KEYS:
            continue
        if key in CONTEXT_KEYS:
            value = _plain(value)
            if value is not None:
                context[key] = value
        elif strict:
            best = did_you_mean(key, [*RECORD_KEYS, *CONTEXT_KEYS])
            raise bad(f"unknown key {key!r}" + (f" (did you mean {best!r}?)" if best else ""))
    nested = _plain(raw.get("context"))
    if nested is not None:
        if not isinstance(nested, dict):
            raise bad("'context' must be an object of context keys")
        context.update(nested)
    text = raw.get("text")
    if not isinstance(text, str):
        missing = "text" not in raw or _plain(text) is None
        raise bad("missing 'text'" if missing else "'text' must be a string")
    if not text.strip():
        raise bad("'text' is empty")
    ident = _plain(raw.get("id"))
    path = _plain(raw.get("path"))
    if path is not None and not isinstance(path, str):
        raise bad("'path' must be a string")
    if ident is None:
        ident = path if path is not None else where
    if isinstance(ident, (dict, list, bool)):
        raise bad("'id' must be a string or a number")
    return NoteRecord(id=str(ident), text=text, path=path, context=context)


def read_records(path: str | Path) -> list[NoteRecord]:
    """Every note of a JSONL or Parquet file; InputError (one line naming the file) if broken."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("E008", path=name)
    if name.lower().endswith(JSONL_SUFFIXES):
        records = list(_read_jsonl(p, name))
    elif name.lower().endswith(PARQUET_SUFFIXES):
        records = list(_read_parquet(p, name))
    else:
        raise UsageError(
            "U002", detail=f"{name}: --input takes a .jsonl, .ndjson or .parquet file of notes"
        )
    if not records:
        raise InputError("E010", path=name)
    seen: dict[str, int] = {}
    for i, r in enumerate(records):
        if r.id in seen:
            raise InputError(
                "E015",
                path=name,
                where=f"note {i + 1}",
                detail=f"id {r.id!r} is already used by note {seen[r.id] + 1}; ids must be unique",
            )
        seen[r.id] = i
    return records


def _read_jsonl(p: Path, name: str) -> Iterator[NoteRecord]:
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError("E006", path=name, detail=exc.strerror or str(exc)) from None
    with fh:
        for n, raw_line in enumerate(fh, start=1):
            where = f"line {n}"
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    "E015", path=name, where=where, detail=f"not UTF-8 ({exc.reason})"
                ) from None
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    "E015", path=name, where=where, detail=f"not valid JSON ({exc.msg})"
                ) from None
            yield record(data, where=where, file=name)


def _pyarrow(what: str) -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise UsageError(
            "U002",
            detail=f"{what} needs pyarrow: pip install 'notelint[parquet]' (or 'notelint[dask]')",
        ) from None
    return pyarrow


def _read_parquet(p: Path, name: str) -> Iterator[NoteRecord]:
    pa = _pyarrow(f"reading {name}")
    try:
        rows = pa.parquet.read_table(p).to_pylist()
    except (pa.ArrowException, OSError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError("E016", path=name, kind="Parquet", detail=detail) from None
    for n, row in enumerate(rows, start=1):
        yield record(row, where=f"row {n}", file=name)


# -- results as rows -----------------------------------------------------------------------


def finding_rows(note_id: str, report: Report) -> list[dict[str, Any]]:
    """One row per finding of ``report`` (FINDING_COLUMNS)."""
    rows = []
    for f in report.findings:
        rows.append(
            {
                "id": note_id,
                "path": report.path,
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "text": f.text,
                "suggestions": list(f.suggestions),
                "fix_replacement": f.fix.replacement if f.fix else None,
                "fix_applicability": f.fix.applicability if f.fix else None,
                "source_engine": f.source.engine if f.source else None,
                "source_rule": f.source.rule if f.source else None,
                "source_category": f.source.category if f.source else None,
                "url": f.url,
            }
        )
    return rows


def note_row(
    note_id: str, path: str | None, report: Report | None, failure: str | None = None
) -> dict[str, Any]:
    """The notes-table row of one note: its score and counts, or why it failed."""
    if report is None:
        return {
            **{c: None for c, _ in NOTE_COLUMNS},
            "id": note_id,
            "path": path,
            "skipped": [],
            "failed": True,
            "failure": failure or "failed",
        }
    return {
        "id": note_id,
        "path": report.path,
        "lang": report.lang,
        "score": report.score,
        "findings": len(report.findings),
        "error": report.count(Severity.error),
        "warning": report.count(Severity.warning),
        "info": report.count(Severity.info),
        "words": report.stats.words,
        "sentences": report.stats.sentences,
        "skipped": [f"{s.rule}: {s.reason}" for s in report.skipped],
        "failed": False,
        "failure": None,
    }


def arrow_schema(columns: Sequence[tuple[str, str]]) -> Any:
    """The pyarrow schema of a results table."""
    pa = _pyarrow("writing Parquet")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns])


def write_table(
    rows: Iterable[Mapping[str, Any]], path: str | Path, columns: Sequence[tuple[str, str]]
) -> int:
    """Write rows as JSONL or Parquet (by suffix); the number of rows written."""
    name = str(path)
    rows = list(rows)
    if name.lower().endswith(PARQUET_SUFFIXES):
        pa = _pyarrow(f"writing {name}")
        table = pa.Table.from_pylist(
            [{c: r.get(c) for c, _ in columns} for r in rows], schema=arrow_schema(columns)
        )
        pa.parquet.write_table(table, name)
    elif name.lower().endswith(JSONL_SUFFIXES):
        with open(name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({c: r.get(c) for c, _ in columns}, ensure_ascii=False) + "\n")
    else:
        raise UsageError("U002", detail=f"{name}: results are written as .jsonl or .parquet")
    return len(rows)


def notes_table_path(findings_path: str | Path) -> Path:
    """Where the notes table goes next to a findings table: ``out.parquet`` -> ``out.notes.parquet``."""
    p = Path(findings_path)
    return p.with_name(f"{p.stem}.notes{p.suffix}")
