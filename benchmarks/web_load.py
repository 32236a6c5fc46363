"""Load check of the JSON API: requests per second and p95 latency, with and without
LanguageTool, against a uvicorn server on 127.0.0.1 started by this script.

    python -m benchmarks.web_load [--requests 200] [--seconds 30] [--clients 4]

Bounded: at most --requests requests and --seconds of sending per mode; the target is
127.0.0.1 only. The notes are the example drafts (their front matter gives the context),
sent in turn, each with a different last line so that no cache answers. Prints a Markdown table (docs/web.md keeps the last one).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from notelint._web._app import create_app

DRAFTS = Path(__file__).resolve().parents[1] / "examples" / "drafts"


def _start(app: object) -> tuple[uvicorn.Server, threading.Thread, str]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def _unique(text: str, i: int) -> str:
    """A different text for every request: no cache (LanguageTool's or ours) answers it."""
    return f"{text.rstrip()}\n\nP.S. This is draft number {i}.\n"


def run_mode(
    grammar: bool, notes: list[str], requests: int, seconds: float, clients: int
) -> dict[str, object]:
    app = create_app(grammar=grammar)
    server, thread, url = _start(app)
    try:
        with httpx.Client(base_url=url, timeout=60) as http:
            skipped = set()
            for text in notes:  # warm up: spaCy, matchers, LanguageTool's JVM
                r = http.post("/v1/check", json={"text": text, "grammar": grammar})
                r.raise_for_status()
                skipped |= {s["rule"] for s in r.json()["reports"][0]["skipped"]}
            latencies: list[float] = []
            lock = threading.Lock()
            stop_at = time.monotonic() + seconds
            counter = iter(range(requests))

            def worker() -> None:
                for i in counter:
                    if time.monotonic() > stop_at:
                        return
                    t0 = time.perf_counter()
                    resp = http.post(
                        "/v1/check",
                        json={"text": _unique(notes[i % len(notes)], i), "grammar": grammar},
                    )
                    resp.raise_for_status()
                    with lock:
                        latencies.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                for f in [pool.submit(worker) for _ in range(clients)]:
                    f.result()
            wall = time.perf_counter() - t0
    finally:
        server.should_exit = True
        thread.join(10)
        for linter in app.state.linters:
            linter.close()
    latencies.sort()
    return {
        "mode": "with LanguageTool" if grammar else "without LanguageTool",
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000,
        "note": "LanguageTool unavailable: " + ", ".join(sorted(skipped))
        if grammar and skipped
        else "",
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--no-languagetool", action="store_true", help="only the mode without it")
    args = p.parse_args(argv)
    notes = [f.read_text(encoding="utf-8") for f in sorted(DRAFTS.glob("*.md"))]
    modes = [False] if args.no_languagetool else [False, True]
    rows = [run_mode(g, notes, args.requests, args.seconds, args.clients) for g in modes]
    print(
        f"{args.clients} concurrent clients, up to {args.requests} requests or {args.seconds:g} s per mode, "
        f"{len(notes)} example drafts in turn, POST /v1/check on 127.0.0.1\n"
    )
    print("| mode | requests | requests/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['mode']} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} |{(' ' + str(r['note'])) if r['note'] else ''}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
