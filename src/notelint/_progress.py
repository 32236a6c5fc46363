"""Feedback on a terminal: a progress bar over many notes, a spinner while LanguageTool starts.

Both use rich and both stay silent off a terminal (pipes, CI logs, tests), so machine output
and logs never carry control characters.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

LT_STARTING = (
    "Starting LanguageTool for the spelling and grammar rules: a Java server, usually 20-60 s "
    "on the first check of a run (`notelint languagetool start` keeps one running between "
    "runs; --no-grammar skips it)"
)


# The CLI's stderr while a command runs; None in library use (no output at all).
notice_stream: TextIO | None = None
_active_bar: Progress | None = None  # one live display at a time


def on_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(callable(isatty) and isatty()) and not os.environ.get("CI")


def _console(stream: TextIO) -> Any:
    from rich.console import Console

    return Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)


class Progress:
    """A one-line progress bar on stderr: only on a terminal, never in CI logs."""

    MIN_FILES = 20

    def __init__(self, total: int, stream: TextIO) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self.total, self.stream = total, stream
        self._bar = RichProgress(
            TextColumn("notelint:"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("notes"),
            TimeRemainingColumn(),
            console=_console(stream),
            transient=True,
            auto_refresh=False,
        )
        self._task = self._bar.add_task("check", total=total)
        self._bar.start()
        global _active_bar
        _active_bar = self

    @classmethod
    def maybe(cls, total: int, stream: TextIO) -> Progress | None:
        if total <= cls.MIN_FILES or not on_terminal(stream):
            return None
        return cls(total, stream)

    def step(self, n: int = 1) -> None:
        self._bar.advance(self._task, n)
        self._bar.refresh()

    def close(self) -> None:
        global _active_bar
        self._bar.stop()
        if _active_bar is self:
            _active_bar = None


@contextmanager
def languagetool_starting() -> Iterator[None]:
    """What the first check is waiting for, with a spinner, while LanguageTool starts."""
    stream = notice_stream
    if stream is None or not on_terminal(stream):
        yield
        return
    started = time.monotonic()
    bar = _active_bar
    if bar is not None:  # the progress bar is live: print above it, no second live display
        bar._bar.console.print(f"notelint: {LT_STARTING}.", markup=False)
        yield
        bar._bar.console.print(
            f"notelint: LanguageTool started in {time.monotonic() - started:.0f} s"
        )
        return
    console = _console(stream)
    console.print(f"notelint: {LT_STARTING}.", markup=False)
    with console.status("notelint: waiting for LanguageTool ...", spinner="dots"):
        yield
    console.print(f"notelint: LanguageTool started in {time.monotonic() - started:.0f} s")
