"""Benchmark the LanguageTool integration: cold start, warm latency, notes/s, client overhead.

Run after `notelint languagetool install`:

    python benchmarks/languagetool_bench.py [--rounds 20] [--heap 1g]

Cold start is measured twice in one run: the languages warmed one after the other (what
`notelint languagetool start` does), then a second JVM warming both in parallel. The
engine rows compare --jobs 1 with checks kept in flight against one at a time, alternating.

The server runs with its result cache off (cacheSize=0) so every request does the full
check; otherwise repeated texts would be answered from the cache and the overhead ratio
would compare two cache lookups. A cached-latency row shows what repeats cost.
Overhead = notelint's client (language-tool-python + UTF-16 conversion + pydantic models)
against a raw HTTP POST to /v2/check of the same text and language, interleaved.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from notelint._languagetool import LanguageToolClient, Server, install
from notes import DE, EN


def raw_check(url: str, text: str, lang: str) -> list[dict[str, object]]:
    data = urllib.parse.urlencode({"text": text, "language": lang}).encode()
    with urllib.request.urlopen(url + "/v2/check", data=data, timeout=60) as resp:
        matches: list[dict[str, object]] = json.load(resp)["matches"]
        return matches


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()

    t0 = time.perf_counter()
    install()
    t_install = time.perf_counter() - t0

    rows: list[tuple[str, str]] = [("install (already installed: no-op)", ms(t_install))]
    server = Server(languages=(), heap=args.heap, cache_size=0)
    t0 = time.perf_counter()
    server.start()
    t_healthy = time.perf_counter() - t0
    try:
        client = LanguageToolClient(server.url, timeout=60)
        t1 = time.perf_counter()
        server.warm_up(["en-US"])
        t_warm_en = time.perf_counter() - t1
        t1 = time.perf_counter()
        server.warm_up(["de-DE"])
        t_warm_de = time.perf_counter() - t1
        rows += [
            ("cold start: JVM up and healthy", ms(t_healthy)),
            ("cold start: warm-up en-US", ms(t_warm_en)),
            ("cold start: warm-up de-DE", ms(t_warm_de)),
            (
                "cold start: total, languages one after the other",
                ms(t_healthy + t_warm_en + t_warm_de),
            ),
        ]
        # The alternative that was measured and not kept: a second JVM, both languages at once.
        both = Server(languages=(), heap=args.heap, cache_size=0)
        t1 = time.perf_counter()
        both.start()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda lang: both.warm_up([lang]), ["en-US", "de-DE"]))
        t_both = time.perf_counter() - t1
        both.stop()
        rows += [
            ("cold start: total, languages in parallel", ms(t_both)),
            (
                "cold start: parallel / one after the other",
                f"{t_both / (t_healthy + t_warm_en + t_warm_de):8.2f} x",
            ),
        ]
        # Let the JIT settle on both code paths before measuring.
        for _ in range(3):
            for note in EN:
                client.check(note, "en-US")
                raw_check(server.url, note, "en-US")
            for note in DE:
                client.check(note, "de-DE")
                raw_check(server.url, note, "de-DE")

        results: dict[str, dict[str, list[float]]] = {}
        for lang, corpus in (("en-US", EN), ("de-DE", DE)):
            per = results.setdefault(lang, {"client": [], "raw": []})
            for _ in range(args.rounds):
                for note in corpus:
                    t = time.perf_counter()
                    raw_check(server.url, note, lang)
                    per["raw"].append(time.perf_counter() - t)
                    t = time.perf_counter()
                    client.check(note, lang)
                    per["client"].append(time.perf_counter() - t)
        for lang, per in results.items():
            c, r = statistics.median(per["client"]), statistics.median(per["raw"])
            rows += [
                (f"warm per-note latency {lang} (client, median)", ms(c)),
                (f"warm per-note latency {lang} (raw HTTP, median)", ms(r)),
                (f"client overhead {lang} (median)", f"{(c - r) / r * 100:+8.1f} %"),
            ]
        c_all = sum(sum(p["client"]) for p in results.values())
        r_all = sum(sum(p["raw"]) for p in results.values())
        rows.append(
            ("client overhead, all notes (total time)", f"{(c_all - r_all) / r_all * 100:+8.1f} %")
        )

        batch = [(n, "en-US") for n in EN] + [(n, "de-DE") for n in DE]
        batch = batch * max(1, args.rounds // 4)
        t = time.perf_counter()
        for note, lang in batch:
            client.check(note, lang)
        rows.append(("notes/s, 1 thread", f"{len(batch) / (time.perf_counter() - t):8.1f}"))
        with ThreadPoolExecutor(2) as pool:
            t = time.perf_counter()
            list(pool.map(lambda item: client.check(*item), batch))
            rows.append(("notes/s, 2 threads", f"{len(batch) / (time.perf_counter() - t):8.1f}"))
        # End to end through the engine (grammar on, this server, result cache off).
        import notelint

        cfg = notelint.Config.model_validate(
            {"select": ["spelling", "grammar"], "cache": False, "languagetool": {"url": server.url}}
        )
        # Unique texts (a comment differs), so no note is answered from a cache.
        texts = [
            f"---\nlang: {lang}\n---\n{n}\n<!-- {i} -->\n" for i, (n, lang) in enumerate(batch)
        ]
        # --jobs 1 with up to IN_FLIGHT checks in flight (now) against one at a time (before),
        # alternating passes on the same server; each pass has its own unique texts.
        from notelint._languagetool._notes import NoteChecker

        prefetch = NoteChecker.prefetch
        spent = {"one at a time": 0.0, "in flight": 0.0}
        with notelint.Linter(cfg) as linter:
            linter.check_many([texts[0], texts[-1]])  # load spaCy for en and de first
            for p in range(4):
                mode = ("one at a time", "in flight")[p % 2]
                NoteChecker.prefetch = (  # type: ignore[method-assign]
                    prefetch if mode == "in flight" else (lambda self, note: None)
                )
                unique = [f"{x}<!-- pass {p} -->\n" for x in texts]
                t = time.perf_counter()
                linter.check_many(unique, jobs=1)
                spent[mode] += time.perf_counter() - t
            NoteChecker.prefetch = prefetch  # type: ignore[method-assign]
        for mode, seconds in spent.items():
            rows.append(
                (
                    f"notes/s, notelint spelling+grammar, jobs 1, {mode}",
                    f"{2 * len(texts) / seconds:8.1f}",
                )
            )
        rows.append(
            (
                "throughput ratio, in flight / one at a time",
                f"{spent['one at a time'] / spent['in flight']:8.2f} x",
            )
        )
    finally:
        server.stop()

    cached = Server(languages=("en-US",), heap=args.heap)
    with cached:
        c2 = LanguageToolClient(cached.url, timeout=60)
        c2.check(EN[0], "en-US")
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            c2.check(EN[0], "en-US")
            times.append(time.perf_counter() - t)
        rows.append(("repeat of the same note (result cache on)", ms(statistics.median(times))))

    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 11}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nload average (1/5/15 min) at the end: {load} on {os.cpu_count()} CPUs")
    print(
        f"{len(EN)} en + {len(DE)} de notes of ~120-160 words, {args.rounds} rounds, heap {args.heap}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
