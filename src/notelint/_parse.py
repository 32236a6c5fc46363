"""From a file's text to a :class:`~notelint._note.Note`: front matter, context (config
defaults under the front matter, the caller's context on top), language and template filling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from notelint._config import Config, path_matches
from notelint._context import CONTEXT_KEYS, Context
from notelint._errors import ContextError
from notelint._frontmatter import FrontMatter, split_front_matter
from notelint._lang import detect_lang
from notelint._note import Note


def _validate_context(
    raw: dict[str, Any], fm: FrontMatter
) -> tuple[Context, list[tuple[str, str, str | None]]]:
    """A Context from the valid keys; a (key, message, suggestion) problem for each bad one."""
    problems: list[tuple[str, str, str | None]] = []
    good: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in CONTEXT_KEYS:
            from notelint._errors import did_you_mean

            best = did_you_mean(key, list(CONTEXT_KEYS))
            msg = f"Unknown front matter key {key!r}" + (
                f"; did you mean {best!r}?" if best else "; see `notelint explain front-matter`."
            )
            problems.append((key, msg, best))
            continue
        try:
            Context.model_validate({key: value})
        except ValidationError as exc:
            err = exc.errors()[0]
            detail = err["msg"].removeprefix("Value error, ")
            suggestion = None
            if key in ("channel", "stage") and isinstance(value, str):
                from notelint._errors import did_you_mean

                choices = (
                    ["email", "handwritten", "linkedin"]
                    if key == "channel"
                    else ["after-interview", "after-rejection"]
                )
                suggestion = did_you_mean(value, choices, cutoff=60)
                detail = f"must be one of {', '.join(choices)}" + (
                    f"; did you mean {suggestion!r}?" if suggestion else ""
                )
            end = "" if detail.endswith(("?", ".")) else "."
            problems.append((key, f"Invalid value for {key!r}: {detail}{end}", suggestion))
            continue
        good[key] = value
    return Context.model_validate(good), problems


def parse_note(
    text: str,
    *,
    path: str | None,
    config: Config,
    context: dict[str, Any] | Context | None = None,
    lang: str | None = None,
) -> Note:
    """Build a :class:`Note` from a file's text; InputError for broken front matter."""
    fm, body_start = split_front_matter(text, name=path or "<text>")
    merged: dict[str, Any] = dict(config.context)
    merged.update(fm.data)
    if context is not None:
        extra = (
            context.model_dump(exclude_defaults=True, by_alias=True)
            if isinstance(context, Context)
            else dict(context)
        )
        if not isinstance(context, Context):
            _, bad = _validate_context(extra, fm)
            if bad:  # the caller's mistake, not the note's: raise, with did-you-mean
                raise ContextError(
                    [
                        (k, msg.replace("front matter key", "context key"), best)
                        for k, msg, best in bad
                    ]
                )
        merged.update(extra)
    ctx, problems = _validate_context(merged, fm)
    if (
        not ctx.template
        and path
        and config.templates
        and path_matches(Path(path), config.templates, config.root_path)
    ):
        ctx = ctx.model_copy(update={"template": True})
    tag = ctx.lang or lang or config.lang
    detected = tag is None
    if tag is None:
        tag = detect_lang(text[body_start:])
    base = tag.split("-")[0]
    model = config.spacy_model.get(base)
    filled = None
    if ctx.template:
        from notelint._templates import declared_variables, fill

        filled = fill(text, body_start, declared_variables(ctx, base, config.template_variables))
        text = filled.text
    if model is not None:
        from notelint._nlp import check_length

        check_length(text[body_start:], model=model, name=path or "<text>")
    return Note(
        filled=filled,
        text=text,
        body_start=body_start,
        context=ctx,
        lang=base,
        lang_tag=tag,
        path=path,
        front_matter=fm,
        context_problems=tuple(problems),
        lang_detected=detected,
        spacy_model=model,
    )
