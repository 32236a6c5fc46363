"""Wall time of `notelint check` on one file and on a folder: cache off, cold, warm; --jobs.

    python -m benchmarks.cache_speed [N_NOTES]

Each run is a fresh interpreter (what a pre-commit hook or CI step pays). Prints one line per
scenario; nothing is asserted (speed is measured here, never in tests).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear Ms. Izaguirre,

Thank you for the tour of the Atlanta office and the story about launch {i}. Hearing how the
team tests a campaign with two clients first told me a lot about how you work.

Best,
Alex Kim
"""


def _time(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--exit-zero", "--no-grammar", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        drafts = root / "drafts"
        drafts.mkdir()
        for i in range(n):
            (drafts / f"n{i:03d}.md").write_text(NOTE.format(i=i), encoding="utf-8")
        env = {**os.environ, "NOTELINT_RESULT_CACHE_DIR": str(root / "cache")}
        one = "drafts/n000.md"
        rows = [
            ("1 file, --no-cache", _time(["--no-cache", one], root, env)),
            ("1 file, cache cold", _time([one], root, env)),
            ("1 file, cache warm", _time([one], root, env)),
            (f"{n} files, --no-cache", _time(["--no-cache", "drafts"], root, env)),
            (
                f"{n} files, --no-cache --jobs 2",
                _time(["--no-cache", "-j", "2", "drafts"], root, env),
            ),
            (
                f"{n} files, cache warm",
                (_time(["drafts"], root, env), _time(["drafts"], root, env))[1],
            ),
        ]
        for name, secs in rows:
            print(f"{name:<34} {secs:6.2f} s")


if __name__ == "__main__":
    main()
