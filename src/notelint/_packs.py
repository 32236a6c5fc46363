"""Declarative rule packs: folders of YAML files (per language) holding phrase catalogs.

A pack file either contributes a catalog to a rule (``rule: generic-phrase``) or defines a new
rule of a built-in kind (``id: acme-jargon`` with ``extends: existence``). The built-in packs
are the top-level ``rules/`` folder of the repository, shipped in the wheel as
``notelint/packs``. Users add packs with the ``packs`` config key. See docs/packs.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from notelint._errors import ConfigError, format_problem
from notelint._models import Severity

# Matching cost grows exponentially with optional positions (a `...` is three of them): six
# `...` in one pattern took 35 s on a short note. The built-in packs need at most 9.
MAX_OPTIONAL = 10
MAX_WORDS = 24
# `packs = ["/"]` must not walk the whole filesystem before failing.
MAX_PACK_ENTRIES = 2000


def check_pattern(pattern: str) -> None:
    """ValueError when ``pattern`` is malformed or too costly to match (docs/packs.md)."""
    words = pattern.split()
    if len(words) > MAX_WORDS:
        raise ValueError(f"pattern has {len(words)} words, more than {MAX_WORDS}; split it")
    optional = sum(3 if w == "..." else 1 for w in words if w == "..." or w.endswith("?"))
    if optional > MAX_OPTIONAL:
        raise ValueError(
            f"pattern has {optional} optional positions (`word?` counts 1, `...` counts 3), more"
            f" than {MAX_OPTIONAL}: matching it could take minutes; split it into patterns"
        )
    for w in words:
        core = w[:-1] if w.endswith("?") and len(w) > 1 else w
        core = core[1:] if core.startswith("=") and len(core) > 1 else core
        if core not in ("...", "*") and any(not alt for alt in core.split("|")):
            raise ValueError(f"empty alternative in {w!r}")


class CatalogEntry(BaseModel):
    """One phrase pattern with its rationale. Pattern syntax: docs/packs.md."""

    model_config = ConfigDict(extra="allow", frozen=True)

    pattern: str = Field(min_length=1)
    kind: str | None = None
    why: str | None = None
    instead: str | None = None
    weight: float = 1.0
    source: str = Field(default="", exclude=True, repr=False)  # the pack file (set on load)

    @field_validator("pattern")
    @classmethod
    def _strip(cls, v: str) -> str:
        v = " ".join(v.split())
        if not v:
            raise ValueError("pattern is empty")
        check_pattern(v)
        return v


class PackFile(BaseModel):
    """One YAML file of a pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str | None = None  # contributes entries to this rule's catalog
    id: str | None = None  # or defines a new rule
    extends: Literal["existence"] | None = None
    lang: tuple[str, ...]
    severity: Severity = Severity.warning
    message: str | None = None
    description: str | None = None
    why: str | None = None
    example: str | None = None
    better: str | None = None
    entries: tuple[CatalogEntry, ...] = ()
    source: str = ""

    @field_validator("lang", mode="before")
    @classmethod
    def _lang(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @model_validator(mode="before")
    @classmethod
    def _entries(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("entries"), list):
            source = data.get("source", "")
            data = {
                **data,
                "entries": [
                    {"pattern": e, "source": source}
                    if isinstance(e, str)
                    else {**e, "source": source}
                    if isinstance(e, dict)
                    else e
                    for e in data["entries"]
                ],
            }
        return data

    @field_validator("message")
    @classmethod
    def _message(cls, v: str | None) -> str | None:
        problem = format_problem(v, "match", "why", "instead") if v is not None else None
        if problem:
            raise ValueError(problem)
        return v

    @model_validator(mode="after")
    def _one_kind(self) -> PackFile:
        if bool(self.rule) == bool(self.id):
            raise ValueError(
                "a pack file has either `rule:` (a catalog) or `id:` with `extends:` (a new rule)"
            )
        if self.id and not self.extends:
            raise ValueError("a new rule needs `extends:` (one of: existence)")
        if not set(self.lang) <= {"en", "de"}:
            raise ValueError("lang must be en and/or de")
        return self


def builtin_pack_dir() -> Path:
    """The built-in packs: inside the installed wheel, or the repository's top-level rules/."""
    here = Path(__file__).resolve().parent
    shipped = here / "packs"
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "rules"


def _iter_yaml(folder: Path) -> Iterator[Path]:
    """The pack files below ``folder``; ConfigError when it holds far too much to be a pack."""
    found: list[Path] = []
    seen = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        seen += len(dirnames) + len(filenames)
        if seen > MAX_PACK_ENTRIES:
            raise ConfigError(
                "C005",
                path=str(folder),
                detail=f"the folder holds more than {MAX_PACK_ENTRIES} files and folders;"
                " `packs` names folders of pack YAML files",
            )
        for name in filenames:
            p = Path(dirpath) / name
            if p.suffix in (".yaml", ".yml") and name != "pack.yaml" and p.is_file():
                found.append(p)
    yield from sorted(found)


_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)


def _load_yaml(text: str) -> Any:
    """yaml.safe_load with libyaml when available (the built-in packs parse in about 40 ms
    instead of 400 ms, a large part of a cold start); a broken file is parsed again by the
    pure-Python loader so that the error message stays the same."""
    if _FAST_LOADER is not None:
        try:
            return yaml.load(text, Loader=_FAST_LOADER)  # CSafeLoader: a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


@lru_cache(maxsize=64)
def load_pack(folder: str) -> tuple[PackFile, ...]:
    """Every pack file below ``folder``; ConfigError naming the file on any problem."""
    root = Path(folder)
    if not root.is_dir():
        raise ConfigError("C005", path=folder, detail="no such folder")
    files = []
    for path in _iter_yaml(root):
        try:
            data = _load_yaml(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError("C005", path=str(path), detail=str(exc).splitlines()[0]) from None
        if not isinstance(data, dict):
            raise ConfigError("C005", path=str(path), detail="a pack file must be a YAML mapping")
        try:
            files.append(PackFile.model_validate({**data, "source": str(path)}))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(p) for p in err["loc"])
            raise ConfigError(
                "C005", path=str(path), detail=f"{loc}: {err['msg'].removeprefix('Value error, ')}"
            ) from None
    return tuple(files)


class Packs:
    """The built-in pack plus the user's packs, indexed by rule and language."""

    def __init__(self, extra: tuple[str, ...] = ()) -> None:
        self.files: list[PackFile] = [*load_pack(str(builtin_pack_dir()))]
        for folder in extra:
            self.files.extend(load_pack(folder))

    def catalog(self, rule: str, lang: str) -> tuple[CatalogEntry, ...]:
        """Every entry contributed to ``rule`` for a base language, in pack order."""
        out: list[CatalogEntry] = []
        for f in self.files:
            if f.rule == rule and lang in f.lang:
                out.extend(f.entries)
        return tuple(out)

    def rule_definitions(self) -> list[PackFile]:
        return [f for f in self.files if f.id]
