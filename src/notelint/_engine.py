"""The engine: parse notes (_parse.py), select rules (_ruleset.py), run them, filter
suppressed findings, score.

read file -> split front matter -> Context -> Note -> select rules (config, lang, needs,
per-file ignores) -> rules yield Findings -> suppression -> score -> Report
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from notelint._cache import ResultCache
from notelint._config import Config, find_config_file, load_config_file
from notelint._context import Context
from notelint._errors import ConfigError, NotelintError, UsageError
from notelint._inputs import check_context, check_lang, check_path, check_text, printable
from notelint._io import read_note_file
from notelint._models import Finding, Report, Skipped, Stats
from notelint._note import Note
from notelint._parse import parse_note
from notelint._registry import discover
from notelint._rule import BatchRule, Rule, RuleUnavailable
from notelint._ruleset import (
    RESOURCE_FACTORIES,
    RESOURCE_RETRY_S,
    NoteInput,
    RuleCrash,
    RuleEnv,
    RuleSet,
    all_rule_classes,
    build_ruleset,
)
from notelint._score import score
from notelint._suppress import Suppressions

__all__ = [
    "RESOURCE_FACTORIES",
    "RESOURCE_RETRY_S",
    "Linter",
    "NoteInput",
    "RuleCrash",
    "RuleEnv",
    "RuleSet",
    "all_rule_classes",
    "build_ruleset",
    "parse_note",
]

# With --jobs 1, notes beyond the current one whose slow resource work (LanguageTool) starts
# early; the resource bounds what it keeps in flight itself.
PREFETCH_AHEAD = 2


# -- the linter --------------------------------------------------------------------------


class Linter:
    """Checks notes. Reusable and thread-safe; use as a context manager to release resources.

    ``config``: use this configuration for every note. Without it, each file's nearest config
    file is used (``check_file``), and the defaults for text given directly.
    ``select`` / ``ignore`` / ``extend_select`` / ``lang``: overrides, like the CLI flags.
    ``grammar=False``: skip the rules that need LanguageTool (``spelling``, ``grammar``), like
    ``--no-grammar``; no Java server is started.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        lang: str | None = None,
        config_file: str | os.PathLike[str] | None = None,
        cache: bool = False,
        grammar: bool = True,
    ) -> None:
        if config is not None and config_file is not None:
            raise UsageError("U002", detail="give either config or config_file, not both")
        if config_file is not None:
            loaded = load_config_file(Path(config_file))
            if loaded is None:
                raise ConfigError("C001", path=str(config_file), detail="no [tool.notelint] table")
            config = loaded
        self._explicit = config
        self._select = list(select) if select is not None else None
        self._ignore = list(ignore)
        if not grammar:
            self._ignore.extend(
                rid
                for rid, cls in sorted(discover().items())
                if "languagetool" in cls.needs and rid not in self._ignore
            )
        self._extend = list(extend_select)
        self._lang = check_lang(lang)
        self._lock = threading.Lock()
        self._sets: dict[str, RuleSet] = {}
        self._use_cache = cache
        self._caches: dict[Path, ResultCache] = {}
        if config is not None:
            self._ruleset_for(config, "config")  # fail fast on bad config

    # -- configuration -------------------------------------------------------------------

    def config_for(self, path: Path | None) -> tuple[Config, str]:
        """The config that applies to ``path`` and where it came from."""
        if self._explicit is not None:
            return self._explicit, "config"
        if path is None:
            return Config(), "defaults"
        found = find_config_file(path)
        if found is None:
            return Config(), "defaults"
        try:  # an edited config file gets a fresh rule set in long-lived processes
            key = f"{found}\0{found.stat().st_mtime_ns}"
        except OSError:
            key = str(found)
        with self._lock:
            if key in self._sets:
                return self._sets[key].config, key
        loaded = load_config_file(found)
        return (loaded or Config()), key

    def _ruleset_for(self, config: Config, key: str) -> RuleSet:
        with self._lock:
            rs = self._sets.get(key)
            if rs is None:
                rs = build_ruleset(
                    config,
                    select=self._select,
                    ignore=self._ignore,
                    extend_select=self._extend,
                    source=key.split("\0")[0],
                )
                self._sets[key] = rs
            return rs

    def rules(self, path: Path | None = None) -> list[Rule]:
        config, key = self.config_for(path)
        return list(self._ruleset_for(config, key).rules)

    # -- checking ------------------------------------------------------------------------

    def parse(
        self, text: str, *, path: str | None = None, context: dict[str, Any] | Context | None = None
    ) -> tuple[Note, RuleSet]:
        text = check_text(text, name=path)
        check_context(context)
        config, key = self.config_for(Path(path) if path else None)
        rs = self._ruleset_for(config, key)
        note = parse_note(text, path=path, config=config, context=context, lang=self._lang)
        return note, rs

    def check(
        self, text: str, *, context: dict[str, Any] | Context | None = None, path: str | None = None
    ) -> Report:
        """Check one note given as text (front matter allowed)."""
        return self.check_parsed([self.parse(text, path=path, context=context)])[0]

    def check_file(
        self, path: str | os.PathLike[str], *, context: dict[str, Any] | Context | None = None
    ) -> Report:
        """Check one note file. InputError for a file that is not a readable note."""
        name = check_path(path)
        p = Path(name)
        config, _ = self.config_for(p)
        text = read_note_file(p, max_bytes=config.max_file_size, display=name)
        return self.check(text, context=context, path=name)

    def check_many(
        self,
        notes: Iterable[str | os.PathLike[str] | NoteInput],
        *,
        jobs: int = 1,
        processes: bool = False,
    ) -> list[Report]:
        """Check a set of notes together (batch rules see all of them). Order is kept.

        A ``str`` is note text, a path-like is a file, a :class:`NoteInput` is text with a path
        and context. ``jobs`` > 1 runs the per-note rules in that many threads (``processes``:
        in that many worker processes, each with its own copy of the linter).
        """
        parsed: list[tuple[Note, RuleSet]] = []
        for item in notes:
            if isinstance(item, NoteInput):
                parsed.append(self.parse(item.text, path=item.path, context=item.context))
            elif isinstance(item, str):
                parsed.append(self.parse(item))
            else:
                name = check_path(item)
                p = Path(name)
                config, _ = self.config_for(p)
                text = read_note_file(p, max_bytes=config.max_file_size, display=name)
                parsed.append(self.parse(text, path=name))
        return self.check_parsed(parsed, jobs=jobs, processes=processes)

    def check_parsed(
        self,
        parsed: Sequence[tuple[Note, RuleSet]],
        *,
        jobs: int = 1,
        processes: bool = False,
        progress: Callable[[int], None] | None = None,
        peers: Sequence[tuple[Note, RuleSet]] = (),
    ) -> list[Report]:
        """Check parsed notes together; ``progress(n)`` is called as notes are done.

        ``peers``: other notes of the run that batch rules see before these ones but that get
        no report here (they are checked elsewhere, e.g. in another Dask partition, or stand
        in for them). Their per-note rules do not run and their batch findings are dropped.
        """
        keys: list[str | None] = []
        done: list[dict[str, list[Finding] | Skipped]] = []
        stats: list[Stats | None] = []
        todo: list[int] = []
        for i, (note, rs) in enumerate(parsed):
            key, cached, st = self._cache_lookup(note, rs)
            keys.append(key)
            done.append(cached)
            stats.append(st)
            wanted = {r.id for r in rs.for_note(note) if not isinstance(r, BatchRule)}
            if st is None or wanted - set(cached):
                todo.append(i)
            elif progress is not None:
                progress(1)

        def need(i: int) -> frozenset[str]:
            return frozenset(done[i])

        if processes and jobs > 1 and len(todo) > 1:
            state = self._worker_state()
            items = [
                (
                    parsed[i][0].source_text,
                    parsed[i][0].path,
                    parsed[i][0].dump_context(),
                    # LanguageTool rules stay in this process: one server, not one per worker
                    need(i) | _in_main(parsed[i][1]),
                    stats[i] is None,
                )
                for i in todo
            ]
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(todo)),
                initializer=_worker_init,
                initargs=(state,),
            ) as pool:
                for i, (res, st) in zip(todo, pool.map(_worker_run, items), strict=True):
                    done[i].update(res)
                    stats[i] = stats[i] or st
                    if progress is not None:
                        progress(1)
            rest = [i for i in todo if _in_main(parsed[i][1])]
            if rest:

                def finish(i: int) -> dict[str, list[Finding] | Skipped]:
                    return self._run_rules(*parsed[i], skip=need(i))

                with ThreadPoolExecutor(max_workers=jobs) as tpool:
                    for i, res in zip(rest, tpool.map(finish, rest), strict=True):
                        done[i].update(res)
        else:

            def work(i: int) -> tuple[dict[str, list[Finding] | Skipped], Stats | None]:
                note, rs = parsed[i]
                res = self._run_rules(note, rs, skip=need(i))
                return res, (stats[i] or _stats(note))

            if jobs > 1 and len(todo) > 1:
                with ThreadPoolExecutor(max_workers=jobs) as tpool:
                    outs = []
                    for out in tpool.map(work, todo):
                        outs.append(out)
                        if progress is not None:
                            progress(1)
            else:
                outs = []
                for pos, i in enumerate(todo):
                    # Slow checks of this note and the next ones start now, in the background
                    # (LanguageTool: a few requests in flight), while this note's rules run.
                    self._prefetch(parsed, todo[pos : pos + PREFETCH_AHEAD + 1], need)
                    outs.append(work(i))
                    if progress is not None:
                        progress(1)
            for i, (res, st) in zip(todo, outs, strict=True):
                done[i].update(res)
                stats[i] = st
        for i in todo:
            self._cache_store(parsed[i][1], keys[i], done[i], stats[i])
        batch = self._run_batch([*peers, *parsed], [*(None for _ in peers), *keys])
        reports = []
        for i, (n, rs) in enumerate(parsed):
            results: list[Finding | Skipped] = []
            for rid in sorted(done[i]):
                r = done[i][rid]
                if isinstance(r, Skipped):
                    results.append(r)
                else:
                    results.extend(r)
            reports.append(self._finish(n, rs, results + batch.get(id(n), []), stats[i])[0])
        return reports

    # -- the result cache ----------------------------------------------------------------

    def _cache_for(self, rs: RuleSet) -> ResultCache | None:
        if not self._use_cache or not rs.config.cache:
            return None
        from notelint._cache import cache_dir

        folder = cache_dir(rs.config.root_path, rs.config.cache_dir)
        with self._lock:
            c = self._caches.get(folder)
            if c is None:
                c = self._caches[folder] = ResultCache(folder)
            return c

    def _note_key(self, note: Note, rs: RuleSet) -> str:
        from notelint._cache import code_fingerprint, digest

        return digest(
            "note",
            code_fingerprint(),
            rs.digest,
            note.path,
            note.source_text,
            note.dump_context(),
            note.lang_tag,
        )

    def _cache_lookup(
        self, note: Note, rs: RuleSet
    ) -> tuple[str | None, dict[str, list[Finding] | Skipped], Stats | None]:
        cache = self._cache_for(rs)
        if cache is None:
            return None, {}, None
        from notelint._cache import load_findings, load_stats

        key = self._note_key(note, rs)
        entry = cache.get(key)
        if entry is None:
            return key, {}, None
        out: dict[str, list[Finding] | Skipped] = {}
        rules = entry.get("rules")
        if isinstance(rules, dict):
            for rid, raw in rules.items():
                found = load_findings(raw, note.text)
                if found is None:
                    return key, {}, None  # a damaged entry: start over
                out[rid] = found
        return key, out, load_stats(entry.get("stats"))

    def _cache_store(
        self,
        rs: RuleSet,
        key: str | None,
        results: dict[str, list[Finding] | Skipped],
        stats: Stats | None,
    ) -> None:
        cache = self._cache_for(rs)
        if cache is None or key is None or stats is None:
            return
        from notelint._cache import dump_findings

        rules = {rid: dump_findings(r) for rid, r in results.items() if not isinstance(r, Skipped)}
        cache.put(key, {"rules": rules, "stats": stats.model_dump(mode="json")})

    def _worker_state(self) -> dict[str, Any]:
        return {
            "config": self._explicit,
            "select": self._select,
            "ignore": self._ignore,
            "extend_select": self._extend,
            "lang": self._lang,
        }

    def close(self) -> None:
        with self._lock:
            for rs in self._sets.values():
                rs.env.close()

    def __enter__(self) -> Linter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals -----------------------------------------------------------------------

    def _run(self, note: Note, rs: RuleSet) -> list[Finding | Skipped]:
        out: list[Finding | Skipped] = []
        for r in self._run_rules(note, rs).values():
            out.extend([r] if isinstance(r, Skipped) else r)
        return out

    @staticmethod
    def _prefetch(
        parsed: Sequence[tuple[Note, RuleSet]],
        upcoming: Sequence[int],
        need: Callable[[int], frozenset[str]],
    ) -> None:
        """Let already-created resources with a ``prefetch(note)`` method start work for the
        upcoming notes whose rules will ask for it (results are the same either way)."""
        for i in upcoming:
            note, rs = parsed[i]
            prefetchers = {
                name: prefetch
                for name in sorted({n for r in rs.rules for n in r.needs})
                if callable(prefetch := getattr(rs.env.existing(name), "prefetch", None))
            }
            if not prefetchers:
                continue
            done = need(i)
            started: set[str] = set()
            for rule in rs.for_note(note):
                if isinstance(rule, BatchRule) or rule.id in done:
                    continue
                for name in sorted(rule.needs & prefetchers.keys() - started):
                    started.add(name)
                    prefetchers[name](note)

    def _run_rules(
        self, note: Note, rs: RuleSet, skip: frozenset[str] = frozenset()
    ) -> dict[str, list[Finding] | Skipped]:
        """Each per-note rule's findings (or why it was skipped), by rule id."""
        out: dict[str, list[Finding] | Skipped] = {}
        for rule in rs.for_note(note):
            if isinstance(rule, BatchRule) or rule.id in skip:
                continue
            try:
                out[rule.id] = list(rule.check(note))
            except RuleUnavailable as exc:
                out[rule.id] = Skipped(rule=rule.id, reason=exc.reason)
            except NotelintError:
                raise
            except Exception as exc:
                raise RuleCrash(
                    "U002",
                    path=note.path or "<text>",
                    detail=f"internal error in rule {rule.id!r}: {type(exc).__name__}: {exc} (please report it; --debug shows the traceback)",
                ) from exc
        return out

    def _run_batch(
        self, parsed: Sequence[tuple[Note, RuleSet]], keys: Sequence[str | None] = ()
    ) -> dict[int, list[Finding | Skipped]]:
        out: dict[int, list[Finding | Skipped]] = {}
        # group notes by rule set so that each batch rule instance sees its notes
        groups: dict[int, tuple[RuleSet, list[Note], list[str | None]]] = {}
        for i, (note, rs) in enumerate(parsed):
            g = groups.setdefault(id(rs), (rs, [], []))
            g[1].append(note)
            g[2].append(keys[i] if i < len(keys) else None)
        for rs, notes, note_keys in groups.values():
            cache = self._cache_for(rs)
            applicable: list[list[Rule]] | None = None  # rs.for_note of each note, computed once
            for rule in rs.rules:
                if not isinstance(rule, BatchRule):
                    continue
                if applicable is None:
                    applicable = [rs.for_note(n) for n in notes]
                picked = [
                    (n, k)
                    for n, k, rules in zip(notes, note_keys, applicable, strict=True)
                    if rule in rules
                ]
                targets = [n for n, _ in picked]
                if not targets:
                    continue
                # the whole group's result is cached under the keys of all its notes
                gkey = None
                if cache is not None and all(k is not None for _, k in picked):
                    from notelint._cache import digest, load_findings

                    gkey = digest("batch", rule.id, [k for _, k in picked])
                    entry = cache.get(gkey)
                    per = entry.get("notes") if entry else None
                    if isinstance(per, list) and len(per) == len(targets):
                        loaded = [
                            load_findings(x, n.text) for x, n in zip(per, targets, strict=True)
                        ]
                        if all(x is not None for x in loaded):
                            for n, found in zip(targets, loaded, strict=True):
                                out.setdefault(id(n), []).extend(found or [])
                            continue
                try:
                    got: dict[int, list[Finding]] = {}
                    for note, finding in rule.check_batch(targets):
                        got.setdefault(id(note), []).append(finding)
                except RuleUnavailable as exc:
                    for n in targets:
                        out.setdefault(id(n), []).append(Skipped(rule=rule.id, reason=exc.reason))
                    continue
                for n in targets:
                    out.setdefault(id(n), []).extend(got.get(id(n), []))
                if cache is not None and gkey is not None:
                    from notelint._cache import dump_findings

                    cache.put(gkey, {"notes": [dump_findings(got.get(id(n), [])) for n in targets]})
        return out

    def _finish(
        self,
        note: Note,
        rs: RuleSet,
        results: list[Finding | Skipped],
        stats: Stats | None = None,
    ) -> tuple[Report, list[Finding]]:
        findings = [r for r in results if isinstance(r, Finding)]
        skipped = [r for r in results if isinstance(r, Skipped)]
        sup = Suppressions(note.text, note.lines)
        kept = [f for f in findings if not sup.suppressed(f)]
        enabled = {r.id for r in rs.for_note(note)}
        unused_rule = next((r for r in rs.rules if r.id == "unused-suppression"), None)
        if unused_rule is not None and "unused-suppression" in enabled:
            from notelint.rules.suppression import unused_suppressions

            known = set(all_rule_classes(rs.env.packs))
            extra = [
                f
                for f in unused_suppressions(unused_rule, note, sup, enabled, known)
                if not any(
                    r.directive.names(f.rule)
                    and r.start <= f.start < r.end
                    and r.directive.start != f.start
                    for r in sup.regions
                )
            ]
            kept.extend(extra)
        if note.filled is not None:  # a template: findings onto the template's own text
            kept = [note.filled.map_finding(f) for f in kept]
        kept = _one_severity_per_reason(kept)
        kept.sort(key=lambda f: (f.start, f.end, f.rule, f.message))
        seen_skips: dict[str, Skipped] = {}
        for s in skipped:
            seen_skips.setdefault(s.rule, s)
        doc_stats = stats if stats is not None else _stats(note)
        report = Report(
            path=printable(note.path) if note.path is not None else None,
            lang=note.lang_tag,
            score=score(kept),
            findings=tuple(kept),
            skipped=tuple(seen_skips.values()),
            stats=doc_stats,
        )
        return report, kept


def _one_severity_per_reason(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, span and message: the most severe (never a warning and an info)."""
    best: dict[tuple[str, int, int, str], Finding] = {}
    for f in findings:
        key = (f.rule, f.start, f.end, f.message)
        if key not in best or f.severity.rank > best[key].severity.rank:
            best[key] = f
    return list(best.values())


def _in_main(rs: RuleSet) -> frozenset[str]:
    """Rules that run in the main process even with worker processes (they share a server)."""
    return frozenset(r.id for r in rs.rules if "languagetool" in r.needs)


def _stats(note: Note) -> Stats:
    if not note.body.strip():
        return Stats()
    return Stats(words=note.words, sentences=note.sentence_count)


# -- worker processes (check_parsed(..., processes=True)) ---------------------------------

_WORKER: Linter | None = None


def _worker_init(state: dict[str, Any]) -> None:
    global _WORKER
    _WORKER = Linter(**state)


def _worker_run(
    item: tuple[str, str | None, dict[str, Any], frozenset[str], bool],
) -> tuple[dict[str, list[Finding] | Skipped], Stats | None]:
    """Parse and check one note in a worker process (its per-note rules only)."""
    text, path, context, skip, want_stats = item
    assert _WORKER is not None
    note, rs = _WORKER.parse(text, path=path, context=context)
    res = _WORKER._run_rules(note, rs, skip=skip)
    return res, (_stats(note) if want_stats else None)
