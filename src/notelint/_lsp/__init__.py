"""The language server behind `notelint lsp` (needs the ``lsp`` extra: pygls, lsprotocol)."""

from __future__ import annotations

from notelint._errors import UsageError


def run(*, grammar: bool = True, debounce_ms: int = 300) -> int:
    """Serve LSP over stdio; UsageError (one line) when the ``lsp`` extra is not installed."""
    try:
        from notelint._lsp._server import run as serve
    except ImportError as exc:
        raise UsageError(
            "U002",
            detail=f"the language server needs the lsp extra ({exc.name} is missing): "
            "pip install 'notelint[lsp]'",
        ) from None
    return serve(grammar=grammar, debounce_ms=debounce_ms)
