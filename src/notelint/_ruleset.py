"""What a configuration makes of the rules: the rule environment (config, packs, caches,
shared resources such as LanguageTool) and the rule set a note runs, from selection, ignores,
per-file ignores and per-rule options."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from notelint._config import Config, path_matches
from notelint._context import Context
from notelint._errors import ConfigError, NotelintError, UsageError, hint
from notelint._models import Severity
from notelint._note import Note
from notelint._packs import Packs
from notelint._registry import discover
from notelint._rule import Rule, RuleOptions, RuleUnavailable

# Lazily created shared resources by name (``Rule.needs``): name -> factory(config) -> object.
# A factory raises RuleUnavailable when the resource cannot be had; that is remembered.
RESOURCE_FACTORIES: dict[str, Callable[[Config], Any]] = {}
RESOURCE_RETRY_S = 60.0  # how long a failed resource is not asked again


class RuleCrash(NotelintError):
    """A rule raised an unexpected exception (a bug in the rule)."""


@dataclass
class NoteInput:
    """A note given to :meth:`Linter.check_many` as text."""

    text: str
    path: str | None = None
    context: dict[str, Any] | Context | None = None


class RuleEnv:
    """What rules share within one configuration: config, packs, caches and resources."""

    def __init__(self, config: Config, packs: Packs) -> None:
        self.config = config
        self.packs = packs
        self._lock = threading.RLock()
        self._cache: dict[Any, Any] = {}
        self._resources: dict[str, Any] = {}
        self._failures: dict[str, tuple[str, float]] = {}  # name -> (reason, when)

    def docs_url(self, rule: str) -> str:
        return self.config.docs_url.format(rule=rule)

    def catalog(self, rule: str, lang: str) -> Any:
        return self.packs.catalog(rule, lang)

    def cached(self, key: Any, factory: Callable[[], Any]) -> Any:
        """Memoize ``factory()`` under ``key`` (thread-safe), e.g. a compiled matcher per language."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = factory()
            return self._cache[key]

    def resource(self, name: str) -> Any:
        """A shared resource (e.g. 'languagetool'), created on first use; RuleUnavailable if not."""
        with self._lock:
            failed = self._failures.get(name)
            # A failure is remembered for a while (no per-note waits), then tried again, so a
            # long-lived Linter recovers once the resource is back (e.g. LanguageTool installed).
            if failed is not None and time.monotonic() - failed[1] < RESOURCE_RETRY_S:
                raise RuleUnavailable(failed[0])
            if name not in self._resources:
                factory = RESOURCE_FACTORIES.get(name)
                if factory is None:
                    reason = f"{name} is not available in this installation"
                    self._failures[name] = (reason, time.monotonic())
                    raise RuleUnavailable(reason)
                try:
                    self._resources[name] = factory(self.config)
                except RuleUnavailable as exc:
                    self._failures[name] = (exc.reason, time.monotonic())
                    raise
                self._failures.pop(name, None)
            return self._resources[name]

    def existing(self, name: str) -> Any | None:
        """The resource ``name`` if it was created already (never creates one)."""
        with self._lock:
            return self._resources.get(name)

    def close(self) -> None:
        with self._lock:
            for res in self._resources.values():
                closer = getattr(res, "close", None)
                if callable(closer):
                    closer()
            self._resources.clear()


@dataclass
class RuleSet:
    config: Config
    env: RuleEnv
    rules: list[Rule] = field(default_factory=list)

    @cached_property
    def digest(self) -> str:
        """What the rule set's findings depend on besides the note (for the result cache)."""
        from notelint._cache import digest

        return digest(
            self.config.model_dump(mode="json"),
            [(r.id, r.level.value, r.options.model_dump(mode="json")) for r in self.rules],
            [f.model_dump(mode="json") for f in self.env.packs.files],
        )

    def for_note(self, note: Note) -> list[Rule]:
        ignored: set[str] = set()
        if note.path and self.config.per_file_ignores:
            p = Path(note.path)
            for pattern, ids in self.config.per_file_ignores.items():
                if path_matches(p, [pattern], self.config.root_path):
                    ignored.update(ids)
        return [r for r in self.rules if r.id not in ignored and r.applies_to(note)]


def all_rule_classes(packs: Packs | None = None) -> dict[str, type[Rule]]:
    """Installed rules plus the rules defined in packs."""
    from notelint._packrules import pack_rule_classes

    rules = dict(discover())
    if packs is not None:
        for cls in pack_rule_classes(packs):
            if cls.id in rules:
                raise ConfigError(
                    "C005",
                    path=getattr(cls, "source", None),
                    detail=f"rule id {cls.id!r} already exists",
                )
            rules[cls.id] = cls
    return rules


def _resolve_ids(
    ids: Iterable[str], known: dict[str, type[Rule]], *, what: str, error: type[NotelintError]
) -> set[str]:
    out: set[str] = set()
    for raw in ids:
        rid = raw.strip()
        if not rid:
            continue
        if rid.upper() == "ALL":
            out.update(known)
            continue
        if rid not in known:
            if error is UsageError:
                raise UsageError("U001", rule=rid, hint=hint(rid, list(known)))
            raise error("C003", path=what, rule=rid, hint=hint(rid, list(known)))
        out.add(rid)
    return out


def build_ruleset(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    source: str = "config",
) -> RuleSet:
    """Instantiate the enabled rules of ``config`` (command-line select/ignore applied on top)."""
    folders = []
    for p in config.packs:
        folder = (config.root_path / p).resolve()
        if not folder.is_dir():
            raise ConfigError(
                "C005",
                path=source,
                detail=f"{p!r} is not a folder (relative to {config.root_path})",
            )
        folders.append(str(folder))
    packs = Packs(tuple(folders))
    env = RuleEnv(config, packs)
    known = all_rule_classes(packs)
    enabled = _resolve_ids(
        select if select is not None else config.select,
        known,
        what=source,
        error=UsageError if select is not None else ConfigError,
    )
    enabled |= _resolve_ids(config.extend_select, known, what=source, error=ConfigError)
    enabled |= _resolve_ids(extend_select, known, what=source, error=UsageError)
    enabled -= _resolve_ids(config.ignore, known, what=source, error=ConfigError)
    enabled -= _resolve_ids(ignore, known, what=source, error=UsageError)
    for _pattern, ids in config.per_file_ignores.items():
        _resolve_ids(ids, known, what=source, error=ConfigError)
    for rid in config.rules:
        if rid not in known:
            raise ConfigError("C003", path=source, rule=rid, hint=hint(rid, list(known)))
    rules: list[Rule] = []
    for rid in sorted(enabled):
        cls = known[rid]
        if "spacy-model" in cls.needs and not config.spacy_model:
            continue
        raw = dict(config.rules.get(rid, {}))
        severity_raw = raw.pop("severity", None)
        try:
            severity = Severity(severity_raw) if severity_raw is not None else None
            options: RuleOptions = cls.Options.model_validate(raw)
        except (ValueError, ValidationError) as exc:
            detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            if isinstance(exc, ValidationError):
                loc = ".".join(str(x) for x in exc.errors()[0]["loc"])
                detail = f"{loc}: {detail}" if loc else detail
            raise ConfigError("C004", path=source, rule=rid, detail=detail) from None
        rules.append(cls(env=env, options=options, severity=severity))
    return RuleSet(config, env, rules)


# -- parsing notes -----------------------------------------------------------------------
