"""Concurrency: one Linter shared by 8 threads gives exactly the serial results, and
`--jobs 2` gives the same output as a serial run."""

from __future__ import annotations

import contextlib
import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.corpus import generate

from notelint import Config, Linter, NoteInput
from notelint._registry import discover

# Every installed rule that runs without LanguageTool or a trained model.
OFFLINE_RULES = sorted(
    rid for rid, cls in discover().items() if not ({"languagetool", "spacy-model"} & set(cls.needs))
)


def _check_has_option(flag: str) -> bool:
    from notelint._cli import build_parser

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.suppress(SystemExit):
        build_parser().parse_args(["check", "--help"])
    return flag in buf.getvalue()


def _corpus() -> list[str]:
    texts = [n.text for n in generate(48, seed=11)]
    # extra variety: suppressions, CRLF, no front matter, code, a second language in one run
    texts += [
        "Dear [Company Name] team,\r\n\r\nthanks for the tour.\r\n<!-- notelint-disable-next-line -->\r\nXYZ\r\n",
        "<!-- notelint-disable placeholder -->\nHi {{ name }},\n<!-- notelint-enable -->\nSee <Name>.\n",
        "Hallo Anna,\n\nvielen Dank für das Gespräch über ___.\n\n```\n[Company Name]\n```\n",
    ]
    return texts


def test_eight_threads_give_the_serial_results() -> None:
    texts = _corpus()
    with Linter(Config(select=OFFLINE_RULES, cache=False)) as serial_linter:
        serial = [serial_linter.check(t).model_dump() for t in texts]
    assert any(r["findings"] for r in serial)  # the comparison is not vacuous

    with Linter(Config(select=OFFLINE_RULES, cache=False)) as shared:  # cold: caches race too
        barrier = threading.Barrier(8)

        def work(i: int) -> list[tuple[int, dict[str, object]]]:
            barrier.wait()
            order = texts[i:] + texts[:i]  # every thread walks the notes in another order
            out = []
            for k, text in enumerate(order):
                out.append(((i + k) % len(texts), shared.check(text).model_dump()))
            return out

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, range(8)))
    for per_thread in results:
        for index, report in per_thread:
            assert report == serial[index]


def test_check_many_with_jobs_equals_serial() -> None:
    texts = _corpus()
    inputs = [NoteInput(text=t, path=f"n{i:03d}.md") for i, t in enumerate(texts)]
    with Linter(Config(select=OFFLINE_RULES, cache=False)) as linter:
        serial = [r.model_dump() for r in linter.check_many(inputs)]
    with Linter(Config(select=OFFLINE_RULES, cache=False)) as linter:
        threaded = [r.model_dump() for r in linter.check_many(inputs, jobs=8)]
    assert threaded == serial


def test_cli_jobs_2_gives_the_serial_output(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i, text in enumerate(_corpus()):
        (folder / f"{i:03d}.md").write_bytes(text.encode("utf-8"))
    common = ["check", "--format", "json", "--no-grammar", "--exit-zero", str(folder)]
    if _check_has_option("--no-cache"):
        common.insert(1, "--no-cache")
    serial = run_cli(*common)
    parallel = run_cli(*common[:1], "--jobs", "2", *common[1:])
    assert serial.code == parallel.code == 0, serial.err + parallel.err
    assert json.loads(parallel.out) == json.loads(serial.out)
    assert len(json.loads(serial.out)["reports"]) == len(_corpus())
