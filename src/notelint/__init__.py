"""notelint: lint job-interview follow-up notes before they are sent.

The public API is what this module exports; everything in underscore modules is private.
"""

from __future__ import annotations

__version__ = "0.1.0"

import os
from typing import Any

from notelint._config import Config, LanguageToolConfig
from notelint._context import Channel, Context, Stage
from notelint._engine import Linter, NoteInput
from notelint._errors import ConfigError, InputError, NotelintError, PluginError, UsageError
from notelint._models import Finding, Fix, Output, Report, Severity, Skipped, Source, Stats
from notelint._note import Note
from notelint._rule import BatchRule, Rule, RuleOptions, RuleUnavailable


def check(
    text: str,
    *,
    context: dict[str, Any] | Context | None = None,
    config: Config | None = None,
    path: str | None = None,
) -> Report:
    """Check one note given as text (front matter allowed); ``context`` adds or overrides keys."""
    with Linter(config) as linter:
        return linter.check(text, context=context, path=path)


def check_file(
    path: str | os.PathLike[str],
    *,
    context: dict[str, Any] | Context | None = None,
    config: Config | None = None,
) -> Report:
    """Check one note file (its nearest config applies unless ``config`` is given)."""
    with Linter(config) as linter:
        return linter.check_file(path, context=context)


__all__ = [
    "BatchRule",
    "Channel",
    "Config",
    "ConfigError",
    "Context",
    "Finding",
    "Fix",
    "InputError",
    "LanguageToolConfig",
    "Linter",
    "Note",
    "NoteInput",
    "NotelintError",
    "Output",
    "PluginError",
    "Report",
    "Rule",
    "RuleOptions",
    "RuleUnavailable",
    "Severity",
    "Skipped",
    "Source",
    "Stage",
    "Stats",
    "UsageError",
    "__version__",
    "check",
    "check_file",
]
