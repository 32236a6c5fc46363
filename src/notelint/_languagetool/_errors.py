"""The one exception of the LanguageTool integration."""

from __future__ import annotations

INSTALL_FIX = "run `notelint languagetool install`"
JAVA_FIX = (
    "install Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`) "
    "and put `java` on PATH"
)


class LanguageToolUnavailable(RuntimeError):
    """LanguageTool cannot be used for this run.

    ``reason`` says what went wrong in one line; ``fix`` is the command or step that
    repairs it. The engine turns this into a ``skipped`` entry for the LanguageTool rules.
    """

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(f"{reason} ({fix})")
        self.reason = reason
        self.fix = fix
