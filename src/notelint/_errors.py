"""Errors notelint raises, each with a stable code and one message table.

Exception hierarchy::

    NotelintError            every error notelint raises on purpose (exit code 2 in the CLI)
    ├── InputError           E0xx: a note cannot be read as a note (encoding, binary, size,
    │                        YAML, not a regular file, a symlink loop, a path with NUL, API
    │                        text with lone surrogates, too long for a trained pipeline)
    ├── ConfigError          C0xx: a config file, ``Config(...)``/``LanguageToolConfig(...)``
    │                        or a rule pack is invalid (pydantic errors never escape)
    ├── UsageError           U0xx: the command line or an API call is wrong (unknown rule,
    │   │                    ``lang``, ``context`` or text of the wrong kind, ``--output``)
    │   └── ContextError     U003: a caller's ``context=`` has an unknown key or a bad value
    │                        (also a ValueError, like pydantic's ValidationError)
    └── PluginError          P0xx: a rule plugin cannot be loaded or is malformed

LanguageTool problems are not errors: the LanguageTool rules are skipped with the reason.

Every error renders as one line: ``path: CODE message`` (the path when there is one).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E001": "is not valid UTF-8 text ({detail}); save it as UTF-8 and try again",
    "E002": "looks like a binary file, not a note; remove it from the paths you lint",
    "E003": "is {size} bytes, more than the {limit}-byte limit for a note; split it or raise `max-file-size`",
    "E004": "has broken YAML front matter: {detail}; fix the YAML between the `---` lines",
    "E005": "front matter must be a YAML mapping of keys to values, not {kind}",
    "E006": "cannot be read: {detail}",
    "E007": "contains no note files (.md, .markdown, .txt); pass note files or a folder that has some",
    "E008": "does not exist; check the path",
    "E009": "has front matter that is never closed; end it with a line `---`",
    "E010": "is empty; write the note or remove the file",
    "E011": "cannot be fixed: {detail}; the file was left as it was",
    "E012": "is {kind}, not a regular file; pass note files only",
    "E013": "is not valid Unicode text ({detail}); decode it strictly as UTF-8 before checking it",
    "E014": "is {size} characters, more than the {limit} the spaCy pipeline {model!r} accepts; split it or remove `spacy-model`",
    "E015": "{where} is not a note record: {detail}",
    "E016": "cannot be read as {kind}: {detail}",
    "C001": "is not a valid config: {detail}",
    "C002": "cannot be parsed as TOML: {detail}",
    "C003": "names an unknown rule {rule!r}{hint}",
    "C004": "has invalid options for rule {rule!r}: {detail}",
    "C005": "names a rule pack that cannot be loaded: {detail}",
    "C006": "cannot be read: {detail}; make it readable (or move it) so its settings apply",
    "U001": "unknown rule {rule!r}{hint}; `notelint rules` lists them",
    "U002": "{detail}",
    "U003": "invalid context: {detail}",
    "P001": "plugin {name!r} cannot be loaded: {detail}",
    "P002": "plugin {name!r} provides an invalid rule: {detail}",
    "P003": "two rules share the id {rule!r} ({first} and {second})",
}


class NotelintError(Exception):
    """Base class. ``code`` keys into MESSAGES; ``path`` names the file concerned, if any."""

    code: str = "U002"

    def __init__(
        self, code: str | None = None, *, path: str | None = None, **fields: object
    ) -> None:
        self.code = code or self.code
        self.path = path
        self.fields = fields
        template = MESSAGES[self.code]
        try:
            self.detail = template.format(**fields)
        except (KeyError, IndexError):  # pragma: no cover - a bug in a caller
            self.detail = template
        super().__init__(self.line())

    def line(self) -> str:
        """The one line printed on stderr."""
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code} {self.detail}"


class InputError(NotelintError):
    """A note file cannot be read as a note."""


class ConfigError(NotelintError):
    """A config file or option is invalid."""


class UsageError(NotelintError):
    """The command line or an API argument is wrong."""


class ContextError(UsageError, ValueError):
    """The ``context`` given to ``check``/``check_file``/``Linter`` is invalid.

    ``problems`` lists ``(key, message, did_you_mean)`` for each bad key. Front matter in a
    note is never raised: it is reported as a ``front-matter`` finding.
    """

    def __init__(self, problems: list[tuple[str, str, str | None]]) -> None:
        self.problems = problems
        super().__init__("U003", detail=" ".join(msg for _key, msg, _best in problems))


class PluginError(NotelintError):
    """A rule plugin cannot be loaded."""


def format_problem(template: str, *fields: str) -> str | None:
    """What is wrong with a ``str.format`` template from a user that may only use ``fields``
    (checked when the config or pack loads, never at check time); None when it is fine."""
    try:
        template.format(**dict.fromkeys(fields, ""))
    except KeyError as exc:
        problem = f"unknown field {{{exc.args[0]}}}"
    except IndexError:
        problem = "a positional field like {0}"
    except ValueError as exc:
        problem = str(exc)
    else:
        return None
    known = ", ".join(f"{{{f}}}" for f in fields)
    return f"{problem}: the fields are {known} (a literal brace is written {{{{ or }}}})"


def did_you_mean(
    word: str, choices: list[str] | tuple[str, ...] | set[str], *, cutoff: float = 70
) -> str | None:
    """The closest choice to ``word`` (rapidfuzz), or None when nothing is close."""
    from rapidfuzz import fuzz, process, utils

    if not choices:
        return None
    best = process.extractOne(
        word, list(choices), scorer=fuzz.WRatio, processor=utils.default_process
    )
    if best is None or best[1] < cutoff:
        return None
    return str(best[0])


def hint(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """``" (did you mean 'x'?)"`` or an empty string."""
    best = did_you_mean(word, choices)
    return f" (did you mean {best!r}?)" if best else ""
