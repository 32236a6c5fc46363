"""Finding rules: the ``notelint.rules`` entry-point group (built-ins registered the same way).

An entry point names a Rule subclass, a list of them, or a module: a module's ``RULES`` list
when it has one, else every Rule subclass defined in it (and, for a package, in its
submodules). Entry points are found first (sorted by name), loaded second, ids validated.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from notelint._errors import PluginError
from notelint._rule import Rule, validate_rule_class

GROUP = "notelint.rules"
_LOCK = threading.Lock()
_CACHE: dict[str, type[Rule]] | None = None


def _from_module(mod: ModuleType) -> list[Any]:
    if hasattr(mod, "RULES"):
        return list(mod.RULES)
    found: list[Any] = [
        obj
        for obj in vars(mod).values()
        if isinstance(obj, type)
        and issubclass(obj, Rule)
        and obj.__module__ == mod.__name__
        and "id" in vars(obj)
    ]
    if hasattr(mod, "__path__"):
        for info in sorted(pkgutil.iter_modules(mod.__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            found.extend(_from_module(importlib.import_module(f"{mod.__name__}.{info.name}")))
    return found


def _expand(name: str, obj: Any) -> list[type[Rule]]:
    if isinstance(obj, ModuleType):
        items = _from_module(obj)
    elif isinstance(obj, (list, tuple)):
        items = list(obj)
    else:
        items = [obj]
    out = []
    for item in items:
        problem = validate_rule_class(item)
        if problem:
            raise PluginError("P002", name=name, detail=problem)
        out.append(item)
    return out


def discover(*, reload: bool = False) -> dict[str, type[Rule]]:
    """Every installed rule class by id (built-ins first, then plugins, each sorted)."""
    global _CACHE
    with _LOCK:
        if _CACHE is not None and not reload:
            return _CACHE
        eps = sorted(
            entry_points(group=GROUP), key=lambda ep: (ep.name != "builtin", ep.name, ep.value)
        )
        loaded: list[tuple[str, Any]] = []
        seen_values = set()
        for ep in eps:
            if ep.value in seen_values:  # the same distribution seen twice on sys.path
                continue
            seen_values.add(ep.value)
            try:
                loaded.append((ep.name, ep.load()))
            except Exception as exc:
                raise PluginError(
                    "P001", name=ep.name, detail=f"{type(exc).__name__}: {exc}"
                ) from None
        if not any(name == "builtin" for name, _ in loaded):  # running from a source tree
            loaded.insert(0, ("builtin", importlib.import_module("notelint.rules")))
        rules: dict[str, type[Rule]] = {}
        for name, obj in loaded:
            for cls in _expand(name, obj):
                if cls.id in rules and rules[cls.id] is not cls:
                    raise PluginError(
                        "P003",
                        name=name,
                        rule=cls.id,
                        first=rules[cls.id].__module__,
                        second=cls.__module__,
                    )
                rules[cls.id] = cls
        _CACHE = rules
        return rules
