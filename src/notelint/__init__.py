r"""notelint: lint job-interview follow-up notes before they are sent.

The public API is what this module exports; everything in underscore modules is private.

Example: context in, findings out, JSON out::

    >>> import notelint
    >>> text = "Dear Ms. Izaguire,\n\nThank you for the tour of the studio.\n\nBest,\nAlex Kim\n"
    >>> report = notelint.check(
    ...     text,
    ...     context={"interviewers": ["Rita Izaguirre"], "company": "Jackson Spalding"},
    ...     grammar=False,  # no LanguageTool (Java) for this example
    ... )
    >>> f = next(f for f in report.findings if f.rule == "name-misspelled")
    >>> (f.severity.value, f.line, f.column, f.text, f.suggestions)
    ('error', 1, 10, 'Izaguire', ('Izaguirre',))
    >>> report.score < 100
    True
    >>> '"rule":"name-misspelled"' in report.model_dump_json()
    True
    >>> print(notelint.Output.of([report]).model_dump_json(indent=2))  # doctest: +ELLIPSIS
    {
      "version": 1,
    ...

A bad ``context`` raises :class:`ContextError` (a ``ValueError``) with a did-you-mean;
problems in a note's own front matter are ``front-matter`` findings instead::

    >>> notelint.check("Dear Ms. Ortiz, ...", context={"interviewer": "Priya"}, grammar=False)
    Traceback (most recent call last):
    ...
    notelint._errors.ContextError: U003 invalid context: Unknown context key 'interviewer'; did you mean 'interviewers'?

``Linter`` keeps the resources warm for many notes (``check_many``); every model is a frozen
pydantic model with ``model_dump_json()``. Documentation: docs/library.md.
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
from notelint._errors import (
    ConfigError,
    ContextError,
    InputError,
    NotelintError,
    PluginError,
    UsageError,
)
from notelint._models import Finding, Fix, Output, Report, Severity, Skipped, Source, Stats
from notelint._note import Note
from notelint._rule import BatchRule, Rule, RuleOptions, RuleUnavailable

_SHARED: OrderedDict[str, Linter] = OrderedDict()
_SHARED_LOCK = threading.Lock()
_SHARED_MAX = 8


def _shared_linter(config: Config | None, grammar: bool = True) -> Linter:
    """A Linter reused across calls with the same config (building one costs ~15 ms)."""
    key = (config.model_dump_json() if config is not None else "") + f"\0{grammar}"
    with _SHARED_LOCK:
        linter = _SHARED.get(key)
        if linter is None:
            linter = Linter(config, grammar=grammar)
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
    grammar: bool = True,
) -> Report:
    """Check one note given as text (front matter allowed); ``context`` adds or overrides keys.

    A bad ``context`` raises :class:`ContextError` (a ``ValueError``, with a did-you-mean).
    ``grammar=False`` skips the LanguageTool rules (no Java server). Calls with the same
    ``config`` reuse one warm :class:`Linter`; use ``Linter`` directly to control its lifetime.
    """
    return _shared_linter(config, grammar).check(text, context=context, path=path)


def check_file(
    path: str | os.PathLike[str],
    *,
    context: dict[str, Any] | Context | None = None,
    config: Config | None = None,
    grammar: bool = True,
) -> Report:
    """Check one note file (its nearest config applies unless ``config`` is given).

    ``context`` and ``grammar`` as for :func:`check`.
    """
    return _shared_linter(config, grammar).check_file(path, context=context)


__all__ = [
    "BatchRule",
    "Channel",
    "Config",
    "ConfigError",
    "Context",
    "ContextError",
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
