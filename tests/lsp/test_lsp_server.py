"""`notelint lsp` over real stdio (pytest-lsp): open, edit, diagnostics, code actions, hover,
save, close, shutdown; and the fast-first, LanguageTool-later path with no orphan JVM."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

NOTE = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear Ms. Izaguire,

Thank you for the conversation about the food bank rebrand at Jackson Spalding.

Best,
Alex
"""
TRANSCRIPT: list[str] = []


def _server(*flags: str) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=[sys.executable, "-m", "notelint", "lsp", *flags],
        server_env={**os.environ, "NOTELINT_RESULT_CACHE_DIR": os.devnull},
    )


def _say(direction: str, method: str, detail: object = None) -> None:
    shown = "" if detail is None else " " + json.dumps(detail, ensure_ascii=False)
    TRANSCRIPT.append(f"{direction} {method}{shown}")


async def diagnostics_for(
    client: LanguageClient,
    uri: str,
    until: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 60.0,
) -> Sequence[types.Diagnostic]:
    """Wait for published diagnostics of ``uri`` that satisfy ``until`` (polled: no race)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        got = client.diagnostics.get(uri)
        if got is not None and until(got):
            return got
        if loop.time() > deadline:
            raise AssertionError(f"no matching diagnostics for {uri}; last: {got}")
        await asyncio.sleep(0.02)


def _rules(diags: Sequence[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diags}


async def _start(client: LanguageClient, root: Path) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf16]
                )
            ),
            root_uri=root.as_uri(),
            initialization_options={"debounceMs": 50},
        )
    )


@pytest_lsp.fixture(config=_server("--no-grammar"))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def test_open_edit_fix_hover_disable_close(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "rita.md"
    path.write_text(NOTE, encoding="utf-8")
    uri = path.as_uri()
    _say("->", "textDocument/didOpen", {"uri": "rita.md"})
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, NOTE))
    )
    diags = await diagnostics_for(client, uri, lambda d: "name-misspelled" in _rules(d))
    name = next(d for d in diags if d.code == "name-misspelled")
    _say(
        "<-",
        "publishDiagnostics",
        [f"{d.code} {d.range.start.line}:{d.range.start.character}" for d in diags],
    )
    # the same span as the CLI: line 5, columns 10-18 (1-based) -> 4:9-4:17 (0-based)
    assert (name.range.start.line, name.range.start.character) == (4, 9)
    assert (name.range.end.line, name.range.end.character) == (4, 17)
    assert name.severity == types.DiagnosticSeverity.Error and name.source == "notelint"

    # hover: the finding and the rule's documentation
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 12))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "name-misspelled" in hover.contents.value and "What it does" in hover.contents.value
    _say("<-", "textDocument/hover", hover.contents.value.splitlines()[0])

    # code actions at the name: the safe fix first and preferred, then the suppressions
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), name.range, types.CodeActionContext([name])
        )
    )
    assert actions is not None
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    _say("<-", "textDocument/codeAction", titles)
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred)
    assert "Izaguirre" in fix.title
    assert "notelint: disable name-misspelled for this line" in titles
    assert "notelint: disable name-misspelled for this file" in titles
    assert fix.edit is not None and fix.edit.document_changes
    change = fix.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    edit = change.edits[0]
    assert edit.new_text == "Izaguirre" and edit.range == name.range

    # the editor applies the fix: an incremental change; the finding goes away (debounced)
    _say("->", "textDocument/didChange", {"range": "4:9-4:17", "text": "Izaguirre"})
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangePartial(range=name.range, text="Izaguirre")],
        )
    )
    diags = await diagnostics_for(client, uri, lambda d: "name-misspelled" not in _rules(d))
    _say(
        "<-",
        "publishDiagnostics",
        [f"{d.code} {d.range.start.line}:{d.range.start.character}" for d in diags],
    )

    # a typo again, then "disable for this line": the suppression comment silences it
    typo = types.Range(types.Position(4, 9), types.Position(4, 18))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=3, uri=uri),
            [types.TextDocumentContentChangePartial(range=typo, text="Izaguire")],
        )
    )
    diags = await diagnostics_for(client, uri, lambda d: "name-misspelled" in _rules(d))
    _say("->", "textDocument/didChange", {"range": "4:9-4:18", "text": "Izaguire"})
    _say(
        "<-",
        "publishDiagnostics",
        [f"{d.code} {d.range.start.line}:{d.range.start.character}" for d in diags],
    )
    name = next(d for d in diags if d.code == "name-misspelled")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), name.range, types.CodeActionContext([name])
        )
    )
    assert actions is not None
    disable = next(
        a for a in actions if isinstance(a, types.CodeAction) and a.title.endswith("this line")
    )
    assert disable.edit is not None and disable.edit.document_changes
    change = disable.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    inserted = change.edits[0]
    assert inserted.new_text == "<!-- notelint-disable-next-line name-misspelled -->\n"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=4, uri=uri),
            [types.TextDocumentContentChangePartial(range=inserted.range, text=inserted.new_text)],
        )
    )
    diags = await diagnostics_for(client, uri, lambda d: "name-misspelled" not in _rules(d))
    _say("->", "textDocument/didChange", {"insert": inserted.new_text})
    _say(
        "<-",
        "publishDiagnostics",
        [f"{d.code} {d.range.start.line}:{d.range.start.character}" for d in diags],
    )

    # save re-checks at once; close clears the document's diagnostics
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await diagnostics_for(client, uri, lambda d: len(d) == 0)
    _say("<-", "publishDiagnostics", {"uri": "rita.md", "diagnostics": []})
    # regression: with --no-grammar the first pass used the full linter and started a JVM
    server = client._server
    assert server is not None and not [p for p in _children(server.pid) if _is_java(p)]
    if out := os.environ.get("NOTELINT_LSP_TRANSCRIPT"):
        Path(out).write_text("\n".join(TRANSCRIPT) + "\n", encoding="utf-8")


async def test_config_file_and_broken_front_matter(client: LanguageClient, tmp_path: Path) -> None:
    """[tool.notelint] next to the file is honoured; broken YAML is one coded diagnostic."""
    (tmp_path / "notelint.toml").write_text('[tool.notelint]\nignore = ["name-misspelled"]\n')
    uri = (tmp_path / "a.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, NOTE))
    )
    diags = await diagnostics_for(client, uri, lambda d: True)
    assert "name-misspelled" not in _rules(diags)
    broken = "---\ninterviewers: [Rita\n---\nHi.\n"
    uri2 = (tmp_path / "b.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri2, "markdown", 1, broken))
    )
    diags = await diagnostics_for(client, uri2, lambda d: len(d) == 1)
    assert diags[0].code == "E004" and "front matter" in diags[0].message


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _is_java(pid: int) -> bool:
    try:
        return b"java" in (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.languagetool
async def test_languagetool_later_and_no_orphan(tmp_path: Path, lt_cache: Path) -> None:
    """Fast rules first, spelling when LanguageTool answers; its JVM ends with the server."""
    config = _server()
    config.server_env = {**os.environ, "NOTELINT_CACHE_DIR": str(lt_cache)}
    client = await config.start()
    assert isinstance(client, LanguageClient)
    server = client._server
    assert server is not None
    try:
        await _start(client, tmp_path)
        uri = (tmp_path / "lt.md").as_uri()
        text = NOTE.replace("conversation", "conversasion")
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
        )
        first = await diagnostics_for(client, uri, lambda d: "name-misspelled" in _rules(d))
        assert "spelling" not in _rules(first)  # the fast pass does not wait for LanguageTool
        full = await diagnostics_for(client, uri, lambda d: "spelling" in _rules(d), timeout=90)
        word = next(d for d in full if d.code == "spelling")
        assert (word.range.start.line, word.range.start.character) == (6, 18)
        jvms = [p for p in _children(server.pid) if _is_java(p)]
        assert jvms, "the server should have started its own LanguageTool"
        await asyncio.wait_for(client.shutdown_session(), 30)
    finally:
        if server.returncode is None:
            server.kill()  # a failed assertion above: do not leave the server behind
        await client.stop()
    deadline = asyncio.get_running_loop().time() + 20
    while any(_alive(p) for p in jvms) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
    assert not any(_alive(p) for p in jvms), f"LanguageTool left running: {jvms}"
