"""Talk to a LanguageTool server through language-tool-python, with bounded timeouts.

language-tool-python 3.x corrects ``Match.offset`` for astral characters but not
``Match.error_length`` nor the context offset, and keeps its correction table in class
globals (not thread-safe). So we take the server's raw JSON through the library's
transport and convert UTF-16 offsets ourselves (see ``_offsets``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ._deadline import DeadlineExceeded, call_with_deadline
from ._errors import LanguageToolUnavailable
from ._offsets import utf16_to_codepoint

if TYPE_CHECKING:
    from ._server import Server

DEFAULT_TIMEOUT_S = 30.0
# The first check per language on a fresh server loads dictionaries and models: 5-40 s
# depending on the machine's load. It gets this longer (still bounded) limit.
FIRST_CHECK_TIMEOUT_S = 120.0
_WARM: set[tuple[str, str]] = set()  # (server URL, variant) that answered once in this process
MAX_REPLACEMENTS = 5
STATUS_FIX = "run `notelint languagetool status`, then `notelint languagetool start`"

# Plain language codes map to the variant LanguageTool spell-checks with.
_DEFAULT_VARIANT = {"en": "en-US", "de": "de-DE"}
_VARIANTS = frozenset(
    {"en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA", "de-DE", "de-AT", "de-CH", "de-LU"}
)


def normalize_lang(lang: str) -> str:
    """'en' -> 'en-US', 'de_ch' -> 'de-CH'; ValueError for languages we do not ship."""
    tag = lang.strip().replace("_", "-")
    base, _, region = tag.partition("-")
    base = base.lower()
    # Plain 'en' / 'de'.
    if not region and base in _DEFAULT_VARIANT:
        return _DEFAULT_VARIANT[base]
    variant = f"{base}-{region.upper()}"
    if variant not in _VARIANTS:
        raise ValueError(f"unsupported LanguageTool language: {lang!r}")
    return variant


class LTCategory(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str = ""


class LTMatch(BaseModel):
    """One LanguageTool match, offsets in Python code points into the checked text."""

    model_config = ConfigDict(frozen=True)

    offset: int = Field(ge=0, description="start, code points")
    length: int = Field(ge=0, description="length, code points")
    rule_id: str
    category: str = Field(description="LanguageTool category id, e.g. TYPOS, GRAMMAR")
    message: str
    replacements: tuple[str, ...] = ()
    issue_type: str = ""
    context: str = ""
    context_offset: int = 0
    context_length: int = 0

    @property
    def end(self) -> int:
        return self.offset + self.length


def _to_match(raw: dict[str, Any], conv: Callable[[int], int]) -> LTMatch:
    start16 = int(raw["offset"])
    end16 = start16 + int(raw["length"])
    start, end = conv(start16), conv(end16)
    ctx = raw.get("context") or {}
    ctx_text = str(ctx.get("text", ""))
    ctx_conv = utf16_to_codepoint(ctx_text)
    ctx_start16 = int(ctx.get("offset", 0))
    ctx_start = ctx_conv(ctx_start16)
    ctx_end = ctx_conv(ctx_start16 + int(ctx.get("length", 0)))
    rule = raw.get("rule") or {}
    return LTMatch(
        offset=start,
        length=end - start,
        rule_id=str(rule.get("id", "")),
        category=str((rule.get("category") or {}).get("id", "")),
        message=str(raw.get("message", "")),
        replacements=tuple(
            str(r["value"]) for r in (raw.get("replacements") or [])[:MAX_REPLACEMENTS]
        ),
        issue_type=str(rule.get("issueType", "")),
        context=ctx_text,
        context_offset=ctx_start,
        context_length=ctx_end - ctx_start,
    )


# language-tool-python and requests are imported only when a client talks to a server (about
# 0.2 s of every cold start otherwise, also with --no-grammar)
@lru_cache(maxsize=1)
def _bounded_tool() -> type[Any]:
    from language_tool_python import LanguageTool

    class _BoundedTool(LanguageTool):  # type: ignore[misc]
        """language-tool-python's client with our timeout instead of its 300 s default."""

        _TIMEOUT = 10  # type: ignore[assignment]  # for the /v2/languages call in __init__

    return _BoundedTool


def _lt_error() -> type[Exception]:
    from language_tool_python.exceptions import LanguageToolError

    return LanguageToolError  # type: ignore[no-any-return]


class LanguageToolClient:
    """A thread-safe client for one LanguageTool server URL."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        first_timeout: float = FIRST_CHECK_TIMEOUT_S,
        server: Server | None = None,
    ) -> None:
        base = url.rstrip("/")
        self.url = base[: -len("/v2")] if base.endswith("/v2") else base
        self.timeout = timeout
        self.first_timeout = first_timeout
        self._server = server

        self._tools: dict[tuple[str, float], Any] = {}
        self._lock = threading.Lock()

    def _tool(self, lang: str, timeout: float) -> Any:
        key = (lang, timeout)
        with self._lock:
            tool = self._tools.get(key)
            if tool is None:
                try:
                    tool = call_with_deadline(
                        lambda: _bounded_tool()(lang, remote_server=self.url + "/"), timeout
                    )
                except Exception as exc:  # any failure or malformed answer: unavailable
                    raise self._unavailable(exc, timeout) from exc
                tool._TIMEOUT = timeout  # type: ignore[assignment]
                self._tools[key] = tool
            return tool

    def _unavailable(self, exc: BaseException, timeout: float) -> LanguageToolUnavailable:
        import requests

        cause = exc.__cause__ or exc
        # A managed server that died: say so, with its exit code and log.
        if self._server is not None and not self._server.is_running():
            return LanguageToolUnavailable(
                f"the LanguageTool server crashed ({self._server.describe_exit()})", STATUS_FIX
            )
        if isinstance(cause, (requests.Timeout, DeadlineExceeded)):
            return LanguageToolUnavailable(
                f"LanguageTool at {self.url} did not answer within {timeout:g} s",
                "raise `timeout` in [tool.notelint.languagetool] or check the server",
            )
        if isinstance(cause, requests.ConnectionError):
            return LanguageToolUnavailable(
                f"LanguageTool at {self.url} is unreachable or stopped mid-run", STATUS_FIX
            )
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if not isinstance(exc, (_lt_error(), OSError)):
            # e.g. /v2/languages answering an object where the library expects a list
            return LanguageToolUnavailable(
                f"LanguageTool at {self.url} sent a malformed answer"
                f" ({type(exc).__name__}: {first[:200]})",
                "check that `url` in [tool.notelint.languagetool] points at a LanguageTool server",
            )
        return LanguageToolUnavailable(
            f"LanguageTool at {self.url} failed: {first[:200]}", STATUS_FIX
        )

    def check(
        self,
        text: str,
        lang: str,
        *,
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        enabled_rules: Iterable[str] = (),
        enabled_only: bool = False,
        timeout: float | None = None,
    ) -> list[LTMatch]:
        """Check ``text``; matches sorted by offset, offsets in code points."""
        variant = normalize_lang(lang)
        limit = self.timeout if timeout is None else timeout
        # Not yet answered for this language: allow for loading.
        if (self.url, variant) not in _WARM:
            limit = max(limit, self.first_timeout)
        tool = self._tool(variant, limit)
        params: dict[str, str] = tool._create_params(text)
        if rules := ",".join(sorted(disabled_rules)):
            params["disabledRules"] = rules
        if categories := ",".join(sorted(disabled_categories)):
            params["disabledCategories"] = categories
        if enabled := ",".join(sorted(enabled_rules)):
            params["enabledRules"] = enabled
        if enabled_only:
            params["enabledOnly"] = "true"
        try:
            data = call_with_deadline(
                lambda: tool._query_server(
                    self.url + "/v2/check", params, num_tries=1, method="post"
                ),
                limit,
            )
        except Exception as exc:  # any failure or malformed answer: unavailable
            raise self._unavailable(exc, limit) from exc
        # A proxy or a wrong URL can answer with JSON of another shape.
        if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
            raise LanguageToolUnavailable(
                f"LanguageTool at {self.url} sent an unexpected answer", STATUS_FIX
            )
        _WARM.add((self.url, variant))
        conv = utf16_to_codepoint(text)
        try:
            matches = [_to_match(raw, conv) for raw in data["matches"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LanguageToolUnavailable(
                f"LanguageTool at {self.url} sent a malformed match: {exc!r}", STATUS_FIX
            ) from exc
        return sorted(matches, key=lambda m: (m.offset, m.length, m.rule_id))
