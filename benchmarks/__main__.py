"""`python -m benchmarks`: notelint's speed and memory, and proselint on the same corpus.

Prints, in one run: notes/s per rule family and for all rules without LanguageTool (in-process,
single thread, pinned to one core where the OS allows), the share of time per rule, cold CLI
time for one file (cache off and on), warm per-note latency with LanguageTool (when it can
run), peak memory, and proselint's notes/s on the same notes as a ratio. Writes the results
to docs/benchmarks.md with the machine and the command (``--no-write`` to skip).

    python -m benchmarks                    # the full run (about a minute on 2 cores)
    python -m benchmarks --notes 100 --no-write
    python -m benchmarks --profile          # also print the top functions (cProfile)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import platform
import pstats
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpus import GeneratedNote, generate

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
GOAL = 500.0  # notes/s on one core, all rules but LanguageTool

# Rule id -> family. Rules not listed fall back to their module name (built-ins) or "other".
FAMILIES: dict[str, str] = {
    "generic-phrase": "content",
    "thanks-only": "content",
    "no-conversation-reference": "content",
    "self-promotion": "content",
    "placeholder": "content",
    "name-misspelled": "names",
    "wrong-company": "names",
    "late-follow-up": "timing",
    "burned-bridge": "rejection",
    "no-stay-in-touch": "rejection",
    "duplicate-note": "sets",
    "spelling": "languagetool",
    "grammar": "languagetool",
    "front-matter": "structure",
    "unused-suppression": "structure",
}


def family_of(rule_id: str, cls: type) -> str:
    if rule_id in FAMILIES:
        return FAMILIES[rule_id]
    if "languagetool" in getattr(cls, "needs", ()):
        return "languagetool"
    module = getattr(cls, "__module__", "")
    if module.startswith("notelint.rules."):
        return module.split(".")[2]
    return "other"


def installed_rules() -> dict[str, type]:
    from notelint._engine import all_rule_classes

    return dict(sorted(all_rule_classes().items()))


def families(rules: dict[str, type]) -> dict[str, list[str]]:
    """Family -> rule ids, LanguageTool and trained-model rules excluded (measured apart)."""
    out: dict[str, list[str]] = {}
    for rid, cls in rules.items():
        needs = getattr(cls, "needs", frozenset())
        if "languagetool" in needs or "spacy-model" in needs:
            continue
        out.setdefault(family_of(rid, cls), []).append(rid)
    return dict(sorted(out.items()))


def lt_rules(rules: dict[str, type]) -> list[str]:
    return [rid for rid, cls in rules.items() if "languagetool" in getattr(cls, "needs", ())]


# -- machine -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu,
        "cores": f"{os.cpu_count()}" + (f" ({affinity} usable)" if affinity else ""),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()}",
    }


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to one CPU while measuring (where the OS supports it)."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(before)})
    except OSError:
        yield
        return
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


# -- in-process throughput ---------------------------------------------------------------


@dataclass
class Pass:
    """One timed pass over the corpus with a set of rules."""

    name: str
    rules: list[str]
    notes: int
    seconds: float
    parse_seconds: float
    per_rule: dict[str, float] = field(default_factory=dict)
    findings: int = 0

    @property
    def rate(self) -> float:
        return self.notes / self.seconds if self.seconds else float("inf")


def _timed(fn: Callable[..., Any], bucket: dict[str, float], key: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return list(fn(*args, **kwargs))
        finally:
            bucket[key] = bucket.get(key, 0.0) + time.process_time() - t

    return wrapper


def run_pass(
    name: str, rules: Sequence[str], corpus: Sequence[GeneratedNote], *, repeat: int = 1
) -> Pass:
    """Parse and check every note with only ``rules`` (warm linter, one thread): best of ``repeat``."""
    from notelint import Config, Linter

    best: Pass | None = None
    with Linter(Config(select=list(rules), cache=False)) as linter:
        per_rule: dict[str, float] = {}
        for rule in linter.rules():  # time each rule inside the pass (instance attributes)
            rule.check = _timed(rule.check, per_rule, rule.id)  # type: ignore[method-assign]
            if hasattr(rule, "check_batch"):
                rule.check_batch = _timed(rule.check_batch, per_rule, rule.id)  # type: ignore[attr-defined]
        warm = [linter.parse(n.text, path=n.name) for n in corpus[:6]]
        linter.check_parsed(warm)  # load spaCy pipelines, compile matchers, read packs
        for _ in range(max(1, repeat)):
            per_rule.clear()
            t0 = time.process_time()
            parsed = [linter.parse(n.text, path=n.name) for n in corpus]
            for note, _rs in parsed:
                _ = note.doc  # tokenize here, so that no rule is charged for it
            t1 = time.process_time()
            reports = linter.check_parsed(parsed)
            t2 = time.process_time()
            p = Pass(
                name,
                list(rules),
                len(corpus),
                t2 - t0,
                t1 - t0,
                dict(per_rule),
                sum(len(r.findings) for r in reports),
            )
            if best is None or p.seconds < best.seconds:
                best = p
    assert best is not None
    return best


def profile_pass(rules: Sequence[str], corpus: Sequence[GeneratedNote], top: int = 25) -> str:
    """cProfile of one pass; the top functions by own time and by cumulative time."""
    from notelint import Config, Linter

    with Linter(Config(select=list(rules), cache=False)) as linter:
        linter.check_parsed([linter.parse(n.text) for n in corpus[:6]])
        prof = cProfile.Profile()
        prof.enable()
        linter.check_parsed([linter.parse(n.text, path=n.name) for n in corpus])
        prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


CORE_NOTES = [
    "## Core hot spots fixed while building this benchmark",
    "",
    "Measured with cProfile on the corpus above; each change keeps results identical (tests",
    "pin it: tests/test_fast_paths.py, the examples table, the property tests).",
    "",
    "- spaCy's lookup lemmatizer plus a per-token norm component cost about 1 ms per note:",
    "  replaced by one component that maps each token's ORTH to (LEMMA, NORM) through a",
    "  per-language cache and writes both with one `Doc.from_array` call (about 0.1 ms).",
    "- The lemma table is read as a plain dict instead of spaCy's hashed `Table`: about one",
    "  second less for every cold start that checks a German note.",
    "- Front matter: one YAML parse with libyaml (was: compose and load, in pure Python).",
    "- Masking non-prose (code, comments, URLs) is skipped when the body has none of them.",
    "- Word and sentence counts use one `Doc.to_array` call instead of a Token object per word.",
    "- Phrase catalogs: patterns whose required words do not occur in the note are not run",
    "  (a set test on NORM hashes); the full Matcher runs only when many patterns are candidates.",
    "",
    "Observation for the rule authors: the lowercase fallback for capitalized words (NORM of",
    "'Thanks' is 'thank') also maps 'Frage' to 'fragen', 'Eine' to 'einen', 'Best' to 'well',",
    "'Hi' to 'hello' and 'As' to 'a' (lookup-table entries), which catalog patterns may trip on.",
    "",
]
SLOW_RULE_MS = 0.5  # rules above this (ms per note) get profiled in the report


def hot_functions(
    rule: str, corpus: Sequence[GeneratedNote], top: int = 4
) -> list[tuple[str, float, float]]:
    """The functions where ``rule`` spends its time: (function, own ms/note, cumulative ms/note)."""
    from notelint import Config, Linter

    with Linter(Config(select=[rule], cache=False)) as linter:
        linter.check_parsed([linter.parse(n.text) for n in corpus[:6]])
        parsed = [linter.parse(n.text, path=n.name) for n in corpus]
        for note, _rs in parsed:
            _ = note.doc
        prof = cProfile.Profile()
        prof.enable()
        linter.check_parsed(parsed)
        prof.disable()
    raw: dict[Any, Any] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, func), (_cc, _nc, tt, ct, _callers) in raw.items():
        if filename.startswith("~") or "benchmarks" in filename:
            continue  # builtins and this harness
        short = filename.split("site-packages/")[-1].split("/src/")[-1]
        rows.append((f"{short}:{line}({func})", tt, ct))
    rows.sort(key=lambda r: -r[1])
    n = len(corpus)
    return [(name, tt * 1000 / n, ct * 1000 / n) for name, tt, ct in rows[:top]]


# -- proselint ---------------------------------------------------------------------------


def proselint_pass(corpus: Sequence[GeneratedNote]) -> tuple[float, int, str] | str:
    """(notes/s, findings, version) of proselint over the bodies, or why it cannot run."""
    try:
        from importlib.metadata import version

        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return "n/a (proselint not installed: pip install proselint)"
    registry = CheckRegistry()  # a process-wide singleton: register the checks once
    if not registry.checks:
        registry.register_many(__register__)
    for n in corpus[:6]:
        LintFile(n.name, n.body).lint()
    t = time.process_time()
    found = 0
    for n in corpus:
        found += len(LintFile(n.name, n.body).lint())
    elapsed = time.process_time() - t
    return len(corpus) / elapsed, found, version("proselint")


# -- CLI ---------------------------------------------------------------------------------


# `notelint` in a fresh interpreter that reports its own peak RSS (VmHWM) on the last stderr
# line: ru_maxrss of a child would include the benchmark process's memory copied at fork.
_CLI_WRAPPER = """
import atexit, sys
def _hwm():
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                sys.stderr.write('\\nVMHWM ' + line.split()[1] + '\\n')
    except OSError:
        pass
atexit.register(_hwm)
from notelint._cli import main
sys.exit(main(sys.argv[1:]))
"""
CHILD_PEAK_KB: list[int] = []


CHILD_CPU: list[float] = []


def _cli(args: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CLI_WRAPPER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CHILD_CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    err_lines = []
    for line in proc.stderr.splitlines():
        if line.startswith("VMHWM "):
            CHILD_PEAK_KB.append(int(line.split()[1]))
        elif line.strip():
            err_lines.append(line)
    return elapsed, proc.returncode, "\n".join(err_lines)


def cli_help_has(flag: str) -> bool:
    proc = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    return flag in proc.stdout


def cold_cli(note: GeneratedNote, runs: int = 3) -> dict[str, str]:
    """Median wall time of `notelint check FILE` in a fresh process, cache off and on."""
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="notelint-bench-") as tmp:
        folder = Path(tmp)
        (folder / note.name).write_text(note.text, encoding="utf-8")
        env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "PYTHONHASHSEED": "0"}
        base = ["check", "--format", "json", "--no-grammar", note.name]

        def median(extra: list[str], prime: bool = False) -> str:
            argv = [base[0], *extra, *base[1:]]
            if prime:  # fill the cache first
                _cli(argv, folder, env)
            times, cpu = [], []
            for _ in range(runs):
                seconds, code, err = _cli(argv, folder, env)
                if code not in (0, 1):
                    return f"error (exit {code}: {err.splitlines()[-1] if err else '?'})"
                times.append(seconds)
                cpu.append(CHILD_CPU[-1])
            return (
                f"{statistics.median(times) * 1000:.0f} ms wall, "
                f"{statistics.median(cpu) * 1000:.0f} ms CPU"
            )

        if cli_help_has("--no-cache"):
            out["cache off (--no-cache)"] = median(["--no-cache"])
        else:
            out["cache off (--no-cache)"] = "n/a (no --no-cache option yet)"
        out["cache on (second run, warm cache)"] = median([], prime=True)
    return out


# -- LanguageTool ------------------------------------------------------------------------


def languagetool_latency(rules: list[str], corpus: Sequence[GeneratedNote], n: int = 20) -> str:
    if not rules:
        return "n/a (no LanguageTool rules installed)"
    from notelint import Config, Linter

    status = subprocess.run(
        [sys.executable, "-m", "notelint", "languagetool", "status"],
        capture_output=True,
        text=True,
        check=False,
    )
    status_line = (status.stdout.strip() or status.stderr.strip() or "?").splitlines()[-1]

    try:
        with Linter(Config(select=rules, cache=False)) as linter:
            t = time.perf_counter()
            first = linter.check(corpus[0].text)
            start_ms = (time.perf_counter() - t) * 1000
            warm = {corpus[0].lang}
            for note in corpus[1:]:  # the first check per language is slow (server warm-up)
                if note.lang not in warm:
                    warm.add(note.lang)
                    linter.check(note.text)
            skipped = [s for s in first.skipped if s.rule in rules]
            if skipped:
                return (
                    f"n/a (LanguageTool not installed: {skipped[0].reason}; "
                    f"`notelint languagetool status`: {status_line})"
                )
            times = []
            for note in corpus[-n:]:
                t = time.perf_counter()
                linter.check(note.text)
                times.append((time.perf_counter() - t) * 1000)
    except Exception as exc:  # report, never crash the whole benchmark
        return f"n/a (LanguageTool failed: {type(exc).__name__}: {exc})"
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return (
        f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms per note "
        f"({len(times)} notes en/de, warm; first note incl. server start {start_ms:.0f} ms)"
    )


# -- memory ------------------------------------------------------------------------------


def tracemalloc_peak(rules: Sequence[str], corpus: Sequence[GeneratedNote]) -> float:
    """Peak traced Python allocations (MB) while a warm linter checks ``corpus``."""
    from notelint import Config, Linter

    with Linter(Config(select=list(rules), cache=False)) as linter:
        linter.check_parsed([linter.parse(n.text) for n in corpus[:6]])
        tracemalloc.start()
        try:
            linter.check_parsed([linter.parse(n.text, path=n.name) for n in corpus])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak / 1e6


def maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1e6


# -- report ------------------------------------------------------------------------------


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=400, help="corpus size (default 400)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=2, help="best of N passes (default 2)")
    ap.add_argument("--no-write", action="store_true", help="do not write docs/benchmarks.md")
    ap.add_argument("--no-cli", action="store_true", help="skip the cold CLI timing")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    ap.add_argument("--output", type=Path, default=DOC)
    args = ap.parse_args(argv)
    command = "python -m benchmarks" + (" " + shlex.join(argv) if argv else "")
    if argv is None and sys.argv[1:]:
        command = "python -m benchmarks " + shlex.join(sys.argv[1:])

    corpus = generate(args.notes, seed=args.seed)
    words = sum(n.words for n in corpus)
    rules = installed_rules()
    fams = families(rules)
    all_ids = [r for ids in fams.values() for r in ids]
    info = machine()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['python']}, load {load:.1f}")
    print(
        f"corpus: {len(corpus)} notes (en/de alternating, seed {args.seed}), "
        f"{words} words, {min(n.words for n in corpus)}-{max(n.words for n in corpus)} per note"
    )

    passes: list[Pass] = []
    with one_core():
        passes.append(
            run_pass("baseline (parse + tokenize, no rules)", [], corpus, repeat=args.repeat)
        )
        for fam, ids in fams.items():
            passes.append(run_pass(fam, ids, corpus, repeat=args.repeat))
        total = run_pass("all rules but LanguageTool", all_ids, corpus, repeat=args.repeat)
        passes.append(total)
        prose = proselint_pass(corpus)
    rows = [
        [
            p.name,
            ", ".join(p.rules) or "-",
            f"{p.rate:,.0f}",
            f"{p.seconds / p.notes * 1000:.2f}",
            str(p.findings),
        ]
        for p in passes
    ]
    head = ["family", "rules", "notes/s", "ms/note", "findings"]
    print("\nthroughput (one core, in-process, warm):")
    print(_table(head, rows))
    shares = sorted(total.per_rule.items(), key=lambda kv: -kv[1])
    rest = total.seconds - total.parse_seconds - sum(total.per_rule.values())
    share_rows = [
        ["parse + front matter + tokenize", f"{total.parse_seconds * 1000 / total.notes:.3f}"]
    ]
    share_rows += [[rid, f"{s * 1000 / total.notes:.3f}"] for rid, s in shares]
    share_rows.append(
        ["engine (suppressions, stats, score, models)", f"{rest * 1000 / total.notes:.3f}"]
    )
    print("\nwhere the time goes (all rules pass, ms per note):")
    print(_table(["step", "ms/note"], share_rows))

    slow = [
        (rid, t * 1000 / total.notes) for rid, t in shares if t * 1000 / total.notes > SLOW_RULE_MS
    ]
    hot: dict[str, list[tuple[str, float, float]]] = {}
    if slow:
        print(f"\nslow rules (> {SLOW_RULE_MS} ms/note), profiled with cProfile on 100 notes:")
    for rid, ms in slow:
        hot[rid] = hot_functions(rid, corpus[:100])
        print(f"  {rid} ({ms:.2f} ms/note); top functions by own time (ms/note own / cumulative):")
        for name, own, cum in hot[rid]:
            print(f"    {own:6.3f} / {cum:6.3f}  {name}")

    if isinstance(prose, str):
        prose_line = prose
        ratio_line = "n/a"
    else:
        prose_line = f"{prose[0]:,.0f} notes/s (proselint {prose[2]}, {prose[1]} findings)"
        ratio_line = f"{total.rate / prose[0]:.1f}x (notelint {total.rate:,.0f} / proselint {prose[0]:,.0f} notes/s)"
    print(f"\nproselint on the same notes (bodies, one core): {prose_line}")
    print(f"ratio notelint/proselint: {ratio_line}")
    goal = "met" if total.rate >= GOAL else "not met"
    print(f"goal >= {GOAL:.0f} notes/s on one core: {goal} ({total.rate:,.0f})")

    cli = {} if args.no_cli else cold_cli(corpus[0])
    for k, v in cli.items():
        print(f"cold CLI, one file, {k}: {v}")
    lt = languagetool_latency(lt_rules(rules), corpus)
    print(f"LanguageTool warm latency: {lt}")
    traced = tracemalloc_peak(all_ids, corpus[:100])
    rss = maxrss_mb()
    child = max(CHILD_PEAK_KB) / 1024 if CHILD_PEAK_KB else float("nan")
    print(f"peak memory: process max RSS {rss:.0f} MB (ru_maxrss, whole run incl. proselint)")
    print(f"peak memory: traced Python allocations while checking 100 notes {traced:.1f} MB")
    if not args.no_cli:
        print(f"peak memory: CLI process max RSS {child:.0f} MB")

    profile = ""
    if args.profile:
        profile = profile_pass(all_ids, corpus)
        print("\n" + profile)

    if not args.no_write:
        lines = [
            "# Benchmarks",
            "",
            "Generated by `python -m benchmarks` (benchmarks/__main__.py); do not edit by hand.",
            "",
            f"Command: `{command}`",
            "",
            "## Machine",
            "",
            f"- CPU: {info['cpu']}",
            f"- cores: {info['cores']} (throughput is measured pinned to one core)",
            f"- Python: {info['python']}",
            f"- OS: {info['os']}",
            f"- load average (1 min) when the run started: {load:.1f}. The machine is shared:",
            "  throughput is CPU time of this process (`time.process_time`), which other",
            "  processes disturb far less than wall time; the CLI rows give both.",
            "",
            "## Corpus",
            "",
            f"{len(corpus)} generated notes (benchmarks/corpus.py, seed {args.seed}), English and",
            f"German alternating, {words} words in total, {min(n.words for n in corpus)} to "
            f"{max(n.words for n in corpus)} words per note, each with front matter. About a third",
            "carry a flaw (placeholder, canned phrases, misspelled name).",
            "",
            "## Throughput (one core, in-process, single thread, warm linter)",
            "",
            "Each pass parses every note (front matter, context, spaCy tokenization) and runs the",
            "rules; it is timed end to end. The baseline runs no rule. Each row is the best of "
            f"{args.repeat} passes.",
            "",
            _table(head, rows),
            "",
            f"Goal: all rules but LanguageTool at >= {GOAL:.0f} notes/s on one core: **{goal}** "
            f"({total.rate:,.0f} notes/s).",
            "",
            "### Where the time goes (all-rules pass)",
            "",
            _table(["step", "ms/note"], share_rows),
            "",
            "### Slow rules",
            "",
            f"Rules above {SLOW_RULE_MS} ms per note, profiled alone with cProfile on 100 notes",
            "(profiling inflates the times; the ranking is what matters). Own time per note, then",
            "cumulative time per note, of the functions where the rule spends most of its time:",
            "",
        ]
        for rid, ms in slow:
            lines.append(f"- `{rid}` ({ms:.2f} ms/note):")
            lines += [f"  - `{name}`: {own:.3f} / {cum:.3f} ms" for name, own, cum in hot[rid]]
        if not slow:
            lines.append("- none")
        lines += [
            "",
            "## Peer: proselint",
            "",
            "proselint checks the note bodies (no front matter) with its default checks, in the",
            "same process and on the same core.",
            "",
            f"- proselint: {prose_line}",
            f"- ratio notelint / proselint (notes/s): **{ratio_line}**",
            "",
            "## Cold CLI, one file",
            "",
            "`notelint check --format json --no-grammar FILE` in a fresh Python process",
            "(median of 3); includes interpreter start, imports and spaCy pipeline load.",
            "",
        ]
        lines += [f"- {k}: {v}" for k, v in cli.items()] or ["- skipped (--no-cli)"]
        lines += [
            "",
            "## LanguageTool (spelling, grammar)",
            "",
            f"- warm per-note latency: {lt}",
            "",
            "## Peak memory",
            "",
            f"- benchmark process max RSS (ru_maxrss, whole run incl. proselint): {rss:.0f} MB",
            f"- traced Python allocations while a warm linter checks 100 notes: {traced:.1f} MB",
        ]
        if not args.no_cli:
            lines.append(f"- CLI process max RSS (one file): {child:.0f} MB")
        lines += ["", *CORE_NOTES]
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("\n".join(lines), encoding="utf-8")
        print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
