"""notelint: lint job-interview follow-up notes before they are sent.

The public API is what this module exports; everything in underscore modules is private.
"""

from __future__ import annotations

__version__ = "0.1.0"

import os
import threading
from collections import OrderedDict
from typing import Any

from notelint._config import Config, LanguageToolConfig
from notelint._context import Channel, Context, Stage
from notelint._engine import Linter, NoteInput
from notelint._errors import ConfigError, InputError, NotelintError, PluginError, UsageError
from notelint._models import Finding, Fix, Output, Report, Severity, Skipped, Source, Stats
from notelint._note import Note
from notelint._rule import BatchRule, Rule, RuleOptions, RuleUnavailable

_SHARED: OrderedDict[str, Linter] = OrderedDict()
_SHARED_LOCK = threading.Lock()
_SHARED_MAX = 8


def _shared_linter(config: Config | None) -> Linter:
    """A Linter reused across calls with the same config (building one costs ~15 ms)."""
    key = config.model_dump_json() if config is not None else ""
    with _SHARED_LOCK:
        linter = _SHARED.get(key)
        if linter is None:
            linter = Linter(config)
            _SHARED[key] = linter
            if len(_SHARED) > _SHARED_MAX:
                _, oldest = _SHARED.popitem(last=False)
                oldest.close()
        else:
            _SHARED.move_to_end(key)
        return linter


def check(
    text: str,
    *,
    context: dict[str, Any] | Context | None = None,
    config: Config | None = None,
    path: str | None = None,
) -> Report:
    """Check one note given as text (front matter allowed); ``context`` adds or overrides keys.

    Calls with the same ``config`` reuse one warm :class:`Linter`; use ``Linter`` directly
    to control its lifetime.
    """
    return _shared_linter(config).check(text, context=context, path=path)


def check_file(
    path: str | os.PathLike[str],
    *,
    context: dict[str, Any] | Context | None = None,
    config: Config | None = None,
) -> Report:
    """Check one note file (its nearest config applies unless ``config`` is given)."""
    return _shared_linter(config).check_file(path, context=context)


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
