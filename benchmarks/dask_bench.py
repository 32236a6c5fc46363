"""`python -m benchmarks.dask_bench`: notelint.dask notes/s on 1 and 2 workers, and a cluster size.

Runs the generated corpus (benchmarks.corpus, English and German, 60-400 words) through
``notelint.dask.lint`` on a ``distributed.LocalCluster`` of 1 and 2 worker processes (one
thread each), without and with LanguageTool, plus the serial in-process baseline. Worker
start and warm-up (spaCy, packs, the LanguageTool server) happen before the clock starts:
the figures are steady-state throughput of a warm cluster, including Dask's overhead (the
company pass, the shuffle, serialization). From the measured per-note cost it estimates the
cluster size for one million notes per hour. Prints a Markdown table (``--write`` replaces
the measured block in docs/dask.md).

    python -m benchmarks.dask_bench                       # about 3 minutes on 2 cores
    python -m benchmarks.dask_bench --notes 400 --lt-notes 80 --no-languagetool
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import platform
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate

TARGET_PER_HOUR = 1_000_000
DOC = Path(__file__).resolve().parent.parent / "docs" / "dask.md"
BEGIN, END = "<!-- dask-bench:begin -->", "<!-- dask-bench:end -->"


def process_cpu(children: bool = True) -> float:
    """CPU seconds of this process and (``children``) its running descendants (a JVM).

    Linux /proc; contention from other work on the machine does not inflate it, unlike
    wall time, so it gives the per-note cost a cluster of idle cores would pay.
    """
    tick = os.sysconf("SC_CLK_TCK")

    def cpu(pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick

    def descendants(pid: int) -> list[int]:
        out: list[int] = []
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                out += [int(c) for c in (task / "children").read_text().split()]
        return out

    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += cpu(pid)
        if children:
            todo += descendants(pid)
    return total


def _records(n: int, seed: int) -> list[dict[str, Any]]:
    return [{"id": f"n{i}", "text": g.text} for i, g in enumerate(generate(n, seed=seed))]


def serial_rate(records: list[dict[str, Any]], grammar: bool) -> tuple[float, float]:
    """Notes/s and CPU ms per note of one process without Dask."""
    from notelint.dask import serial

    serial(records[:10], grammar=grammar)  # warm (spaCy, packs, LanguageTool)
    t, c = time.perf_counter(), process_cpu()
    serial(records, grammar=grammar)
    took, cpu = time.perf_counter() - t, process_cpu() - c
    return len(records) / took, 1000 * cpu / len(records)


def cluster_rate(records: list[dict[str, Any]], workers: int, grammar: bool) -> tuple[float, float]:
    """Notes/s and CPU ms per note (workers, their LanguageTool servers, the client)."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from notelint import dask as nd

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        nd.register(client, grammar=grammar)  # warm every worker before the clock starts
        parts = workers * 4
        nd.lint(
            db.from_sequence(records[: 4 * parts], npartitions=parts), grammar=grammar
        ).compute()
        # the workers with their LanguageTool servers, and this process (scheduler, client)
        # alone: its descendants are the workers
        before = sum(client.run(process_cpu).values()) + process_cpu(children=False)
        t = time.perf_counter()
        got = nd.lint(db.from_sequence(records, npartitions=parts), grammar=grammar).compute()
        took = time.perf_counter() - t
        cpu = sum(client.run(process_cpu).values()) + process_cpu(children=False) - before
        assert not got.notes["failed"].any(), got.failed
        return len(records) / took, 1000 * cpu / len(records)


def estimate(cpu_ms: float) -> int:
    """Cores for TARGET_PER_HOUR at ``cpu_ms`` CPU milliseconds per note, busy all the time."""
    return math.ceil(TARGET_PER_HOUR / 3600 * cpu_ms / 1000)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--notes", type=int, default=600, help="notes without LanguageTool")
    p.add_argument("--lt-notes", type=int, default=60, help="notes with LanguageTool")
    p.add_argument("--no-languagetool", action="store_true")
    p.add_argument("--write", action="store_true", help="update the table in docs/dask.md")
    args = p.parse_args()

    load_before = os.getloadavg()[0]
    rows: list[tuple[str, str, tuple[float, float]]] = []
    plain = _records(args.notes, seed=5)
    rows.append(("no", "serial (1 process, no Dask)", serial_rate(plain, False)))
    for n in (1, 2):
        rows.append(("no", f"{n} worker{'s' if n > 1 else ''}", cluster_rate(plain, n, False)))
    if not args.no_languagetool:
        lt = _records(args.lt_notes, seed=6)
        rows.append(("yes", "serial (1 process, no Dask)", serial_rate(lt, True)))
        for n in (1, 2):
            rows.append(("yes", f"{n} worker{'s' if n > 1 else ''}", cluster_rate(lt, n, True)))

    load_after = os.getloadavg()[0]
    lines = [
        f"Measured on {platform.machine()} with {os.cpu_count()} cores, Python "
        f"{platform.python_version()}: `python -m benchmarks.dask_bench --notes {args.notes} "
        f"--lt-notes {args.lt_notes}`. Load average (1 min) {load_before:.1f} before and "
        f"{load_after:.1f} after the run: other work shared these cores.",
        "",
        "| LanguageTool | run | notes/s (wall) | CPU ms per note | cores for 1M notes/hour |",
        "|---|---|---:|---:|---:|",
    ]
    for lt_on, run, (rate, cpu_ms) in rows:
        lines.append(f"| {lt_on} | {run} | {rate:.1f} | {cpu_ms:.1f} | {estimate(cpu_ms)} |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        doc = DOC.read_text(encoding="utf-8")
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
