"""An overall deadline for one HTTP exchange with a LanguageTool server.

``requests`` and ``urllib`` time out per socket read: a server (or proxy) that trickles one
byte every few seconds never trips them, and the run would hang without limit. The exchange
runs in a daemon thread instead and the caller waits at most ``seconds`` for it; a thread
left behind ends when the server finally answers or its per-read timeout fires, and never
holds up the interpreter's exit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class DeadlineExceeded(TimeoutError):
    """The exchange did not finish within its overall deadline."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no complete answer within {seconds:g} s")
        self.seconds = seconds


def call_with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """``fn()``, or DeadlineExceeded when it has not returned after ``seconds``."""
    result: list[T] = []
    error: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # handed to the caller below
            error.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name="notelint-languagetool-request", daemon=True).start()
    if not done.wait(seconds):
        raise DeadlineExceeded(seconds)
    if error:
        raise error[0]
    return result[0]
