"""Configuration: `[tool.notelint]` in pyproject.toml, or notelint.toml / .notelint.toml.

Found by searching upward from each note; the nearest file wins; inside one folder the order
is `.notelint.toml`, `notelint.toml`, `pyproject.toml` (only if it has `[tool.notelint]`).
Unknown keys are an error.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from notelint._context import Context, normalize_lang
from notelint._errors import ConfigError, format_problem
from notelint._models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".notelint.toml", "notelint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 16 << 20


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, alias_generator=_kebab
    )

    def __init__(self, **data: Any) -> None:
        """A bad value is a :class:`~notelint.ConfigError` (one line), not a raw pydantic error,
        whether the model is built in Python or by ``model_validate``."""
        try:
            super().__init__(**data)
        except ValidationError as exc:
            where = "" if type(self) is Config else "languagetool."
            raise ConfigError("C001", detail=_format_validation(exc, where)) from None


class LanguageToolConfig(_Strict):
    """`[tool.notelint.languagetool]`."""

    url: str | None = Field(
        default=None, description="use this server; without it a local one is managed"
    )
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    accept: tuple[str, ...] = Field(
        default=(), description="words never flagged as spelling errors"
    )
    require: bool = Field(default=False, description="exit 2 when LanguageTool cannot run")
    timeout: float = Field(default=30.0, gt=0)
    heap: str = Field(default="1g", description="JVM heap limit for a managed server")
    version: str | None = None


class Config(_Strict):
    """The validated configuration. Construct it in Python with snake_case or kebab-case names."""

    lang: str | None = None
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: Severity = Severity.warning
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    templates: tuple[str, ...] = Field(default=(), description="globs of files that are templates")
    template_variables: dict[str, str] = Field(
        default_factory=dict,
        description="extra template variables with the sample value used to lint templates",
    )
    packs: tuple[str, ...] = Field(default=(), description="extra declarative rule packs (folders)")
    context: dict[str, Any] = Field(
        default_factory=dict, description="defaults under each note's front matter"
    )
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per-rule severity and options"
    )
    languagetool: LanguageToolConfig = LanguageToolConfig()
    spacy_model: dict[str, str] = Field(
        default_factory=dict,
        description="optional trained pipeline per language, e.g. {en = 'en_core_web_sm'}",
    )
    cache: bool = True
    cache_dir: str | None = None
    max_file_size: int = Field(default=1_000_000, gt=0)
    docs_url: str = "https://notelint.readthedocs.io/en/latest/rules/{rule}/"
    root: str | None = Field(
        default=None, description="folder the config was read from (set by the loader)"
    )

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        return normalize_lang(value) if value else None

    @field_validator("docs_url")
    @classmethod
    def _docs_url(cls, value: str) -> str:
        problem = format_problem(value, "rule")
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("template_variables")
    @classmethod
    def _variables(cls, value: dict[str, str]) -> dict[str, str]:
        from notelint._templates import IDENTIFIER

        for name in value:
            if not IDENTIFIER.match(name):
                raise ValueError(f"{name!r} is not a variable name (letters, digits, _)")
        return value

    @field_validator("context")
    @classmethod
    def _context(cls, value: dict[str, Any]) -> dict[str, Any]:
        Context.model_validate(value)  # same keys and types as front matter
        return value

    @field_validator(
        "select", "extend_select", "ignore", "exclude", "templates", "packs", mode="before"
    )
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def root_path(self) -> Path:
        return Path(self.root) if self.root else Path.cwd()


def _format_validation(exc: ValidationError, where: str = "") -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = where + ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            from notelint._errors import hint

            key = str(err["loc"][-1])
            names = [_kebab(n) for n in Config.model_fields] + [
                _kebab(n) for n in LanguageToolConfig.model_fields
            ]
            msg = f"unknown key{hint(key, names)}"
        parts.append(f"{loc}: {msg}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def parse_config(data: dict[str, Any], *, source: str, root: Path) -> Config:
    """Validate a config mapping read from ``source``."""
    data = dict(data)
    data.pop("root", None)
    try:
        return Config.model_validate({**data, "root": str(root)})
    except ConfigError as exc:
        raise ConfigError("C001", path=source, detail=exc.fields["detail"]) from None


def load_config_file(path: Path) -> Config | None:
    """The config in ``path``; None for a pyproject.toml without `[tool.notelint]`."""
    from notelint._errors import InputError
    from notelint._io import read_regular_file

    try:  # a FIFO named like a config is an error, not a hang
        raw = read_regular_file(path, MAX_CONFIG_BYTES, name=str(path)).decode("utf-8")
        data = tomllib.loads(raw)
    except InputError as exc:
        kind = exc.fields.get("kind")
        detail = exc.fields.get("detail") or (f"it is {kind}" if kind else "it does not exist")
        raise ConfigError("C006", path=str(path), detail=str(detail)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError("C002", path=str(path), detail=str(exc)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "notelint" not in tool:
            return None
        data = tool["notelint"]
        if not isinstance(data, dict):
            raise ConfigError("C001", path=str(path), detail="[tool.notelint] must be a table")
    elif (
        "tool" in data
        and isinstance(data["tool"], dict)
        and "notelint" in data["tool"]
        and len(data) == 1
    ):
        data = data["tool"]["notelint"]
    return parse_config(data, source=str(path), root=path.parent.resolve())


@lru_cache(maxsize=256)
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file():
            if name == "pyproject.toml":
                try:
                    text = candidate.read_text("utf-8", errors="replace")
                except OSError:
                    return candidate  # it may hold [tool.notelint]: loading it says why not
                if not re.search(r"^\s*\[+\s*\"?tool\"?\s*\.\s*\"?notelint\b", text, re.MULTILINE):
                    continue
            return candidate
    return None


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or folder)."""
    from notelint._io import resolved

    start = resolved(start)
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        found = _find_in(candidate_dir)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=512)
def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Translate a gitignore-like glob (``**``, ``*``, ``?``, ``[...]``) to a regex on posix paths."""
    i, out = 0, []
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i)
            if j == -1:
                out.append(re.escape(c))
            else:
                out.append("[" + pattern[i + 1 : j].replace("!", "^", 1) + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    if "/" not in pattern.rstrip("/"):
        body = "(?:.*/)?" + body  # a bare name matches at any depth, like gitignore
    return re.compile(f"^{body}(?:/.*)?$")


def path_matches(path: Path, patterns: tuple[str, ...] | list[str], root: Path) -> bool:
    """Whether ``path`` (relative to ``root`` when inside it) matches one of the globs."""
    if not patterns:
        return False
    from notelint._io import resolved

    try:
        rel = resolved(path).relative_to(resolved(root)).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(glob_to_regex(p).match(rel) for p in patterns)
