"""Declarative rule packs: folders of YAML files (per language) holding phrase catalogs.

A pack file either contributes a catalog to a rule (``rule: generic-phrase``) or defines a new
rule of a built-in kind (``id: acme-jargon`` with ``extends: existence``). The built-in packs
are the top-level ``rules/`` folder of the repository, shipped in the wheel as
``notelint/packs``. Users add packs with the ``packs`` config key. See docs/packs.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from notelint._errors import ConfigError
from notelint._models import Severity


class CatalogEntry(BaseModel):
    """One phrase pattern with its rationale. Pattern syntax: docs/packs.md."""

    model_config = ConfigDict(extra="allow", frozen=True)

    pattern: str = Field(min_length=1)
    kind: str | None = None
    why: str | None = None
    instead: str | None = None
    weight: float = 1.0

    @field_validator("pattern")
    @classmethod
    def _strip(cls, v: str) -> str:
        v = " ".join(v.split())
        if not v:
            raise ValueError("pattern is empty")
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

    @field_validator("entries", mode="before")
    @classmethod
    def _entries(cls, v: Any) -> Any:
        if isinstance(v, list):
            return [{"pattern": e} if isinstance(e, str) else e for e in v]
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
    yield from sorted(p for p in folder.rglob("*.y*ml") if p.is_file() and p.name != "pack.yaml")


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
            raise ConfigError("C005", path=str(path), detail=f"{loc}: {err['msg']}") from None
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
