"""`notelint serve`: the FastAPI app (the page and the JSON API) on the public Linter.

    GET  /            the page (static files shipped in the wheel, no external CDN)
    POST /v1/check    note + context in, the JSON of `notelint check --format json` out
    POST /v1/fix      the note with safe fixes (or the chosen ones) applied, and its report
    GET  /v1/rules    the rules, as `notelint rules --format json`
    GET  /healthz     liveness

Every error is JSON ``{"error": {"code": "E004", "message": "<text>: E004 ..."}}``, with the
CLI's coded one-line message: 4xx for bad input, 500 only for a bug, never a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from notelint import __version__
from notelint._config import Config
from notelint._engine import Linter, all_rule_classes
from notelint._errors import InputError, NotelintError
from notelint._fix import OverlappingFixes, apply_fixes, safe_fixes
from notelint._io import decode_note
from notelint._models import Finding, Fix, Output

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_REQUEST_BYTES = 4_000_000  # a 1 MB note JSON-escaped, with its context
LANGUAGETOOL_RULES = ("spelling", "grammar")
log = logging.getLogger("notelint.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckRequest(_Strict):
    """A note to check."""

    text: str = Field(description="the note: Markdown or text, YAML front matter allowed")
    context: dict[str, Any] | None = Field(
        default=None,
        description="context keys (interviewers, company, topics, interview_at, ...); they override the front matter",
        examples=[{"interviewers": ["Rita Izaguirre"], "company": "Jackson Spalding"}],
    )
    grammar: bool = Field(
        default=True, description="run spelling and grammar (LanguageTool), when the server has it"
    )


class FixRequest(CheckRequest):
    """A note to fix: every safe fix (as `notelint check --fix`), or exactly ``fixes``."""

    fixes: Annotated[list[Fix], Field(max_length=1000)] | None = Field(
        default=None,
        description="apply these edits (e.g. one finding's fix or a suggestion) instead of all safe fixes",
    )


class FixResponse(_Strict):
    text: str = Field(description="the note after the fixes")
    applied: int = Field(description="how many edits were applied")
    output: Output = Field(description="the report on the fixed note")


class ErrorDetail(_Strict):
    code: str = Field(examples=["E004"])
    message: str = Field(description="the CLI's one-line message")


class ErrorResponse(_Strict):
    error: ErrorDetail


class RuleInfo(_Strict):
    id: str
    severity: str
    languages: list[str]
    needs: list[str]
    requires: list[str]
    fixable: bool
    summary: str


class Health(_Strict):
    status: str = "ok"
    version: str
    grammar: bool = Field(description="whether this server runs LanguageTool rules at all")


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before they reach the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        too_big = _error(
            413, "E003", f"<request>: E003 is larger than the {self.limit}-byte limit for a request"
        )
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await too_big(scope, receive, send)
        body, more = bytearray(), True
        while more:  # read it all (bounded), then replay it: also catches chunked uploads
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body += msg.get("body", b"")
            more = bool(msg.get("more_body"))
            if len(body) > self.limit:
                return await too_big(scope, receive, send)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(
    config: Config | None = None,
    *,
    grammar: bool = True,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
) -> FastAPI:
    """The app. ``config``: the [tool.notelint] settings for every note (defaults without)."""
    known = all_rule_classes()
    full = Linter(config)
    fast = Linter(config, ignore=[r for r in LANGUAGETOOL_RULES if r in known])
    limits = config or Config()
    app = FastAPI(
        title="notelint",
        version=__version__,
        description="Lint job-interview follow-up notes: the JSON API behind `notelint serve`.",
        responses={
            400: {"model": ErrorResponse, "description": "the note or a value is not valid"},
            413: {"model": ErrorResponse, "description": "the request or the note is too large"},
            422: {"model": ErrorResponse, "description": "the request does not match the schema"},
        },
    )
    app.state.linters = (full, fast)

    def linter_for(req: CheckRequest) -> Linter:
        return full if grammar and req.grammar else fast

    def note_text(req: CheckRequest) -> str:
        # the CLI's checks for a note file: size (E003), binary (E002), empty (E010)
        return decode_note(
            req.text.encode("utf-8", "surrogatepass"), name="<text>", max_bytes=limits.max_file_size
        )

    @app.exception_handler(NotelintError)
    async def notelint_error(request: Request, exc: NotelintError) -> JSONResponse:
        status = 413 if exc.code == "E003" else 400
        return _error(status, exc.code, exc.line())

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(422, "U002", f"U002 {where}: {first.get('msg')}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, "U002", f"U002 {exc.detail}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return _error(
            500,
            "U002",
            f"U002 internal error: {type(exc).__name__} (the server log has the details)",
        )

    @app.post("/v1/check", response_model=Output, summary="Check one note")
    def check(req: CheckRequest) -> Response:
        """The same JSON as `notelint check --format json` (one report, path null)."""
        report = linter_for(req).check(note_text(req), context=req.context)
        return Response(Output.of([report]).model_dump_json(), media_type="application/json")

    @app.post("/v1/fix", response_model=FixResponse, summary="Fix one note")
    def fix(req: FixRequest) -> Response:
        """Apply every safe fix until none is left, or exactly the ``fixes`` given."""
        text, linter = note_text(req), linter_for(req)
        if req.fixes is None:
            new, applied = _fix_all(text, lambda t: linter.check(t, context=req.context).findings)
        else:
            try:
                new = apply_fixes(text, req.fixes)
            except (OverlappingFixes, ValueError) as exc:
                raise InputError("E011", path="<text>", detail=str(exc)) from None
            applied = sum(1 for x in req.fixes if text[x.start : x.end] != x.replacement)
        report = linter.check(new, context=req.context) if new.strip() else None
        output = Output.of([report] if report else [])
        body = FixResponse(text=new, applied=applied, output=output)
        return Response(body.model_dump_json(), media_type="application/json")

    @app.get("/v1/rules", response_model=list[RuleInfo], summary="List the rules")
    def rules() -> list[dict[str, Any]]:
        return [cls.describe() for _, cls in sorted(known.items())]

    @app.get("/healthz", response_model=Health, summary="Liveness")
    def healthz() -> Health:
        return Health(version=__version__, grammar=grammar)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        # every asset is local: the page works offline and loads nothing from elsewhere
        response.headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    app.add_middleware(BodyLimit, limit=max_request_bytes)
    return app


def _fix_all(
    text: str, check: Callable[[str], Iterable[Finding]], passes: int = 4
) -> tuple[str, int]:
    """Safe fixes applied until none is left (as `--fix`), and how many edits that took."""
    applied = 0
    for _ in range(passes):
        fixes = safe_fixes(check(text))
        new = apply_fixes(text, fixes)
        if new == text:
            break
        applied += sum(1 for x in fixes if text[x.start : x.end] != x.replacement)
        text = new
    return text, applied


def openapi_json(app: FastAPI | None = None) -> str:
    """The OpenAPI schema as committed in docs/schema/openapi.json."""
    return (
        json.dumps((app or create_app(grammar=False)).openapi(), indent=2, ensure_ascii=False)
        + "\n"
    )
