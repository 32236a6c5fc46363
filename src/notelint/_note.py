"""A note: its whole text, the body span, the context, the language and a lazily built Doc."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from notelint._context import Context
from notelint._frontmatter import FrontMatter
from notelint._text import LineIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from notelint._templates import Filled

# Regions of a Markdown body that are not prose: masked with spaces (same length, offsets kept).
_NON_PROSE = re.compile(
    r"<!--.*?(?:-->|\Z)"  # HTML comments (suppression comments live here)
    r"|^(?P<fence>```|~~~)[^\n]*\n.*?(?:^(?P=fence)[ \t]*$|\Z)"  # fenced code blocks
    r"|`[^`\n]+`"  # inline code
    r"|\]\([^)\s]*\)"  # Markdown link targets
    r"|<https?://[^>\s]+>|https?://[^\s<>()\]]+|www\.[^\s<>()\]]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # email addresses
    re.DOTALL | re.MULTILINE,
)


# Every alternative of _NON_PROSE contains one of these; most notes have none, and this search
# is far cheaper than trying _NON_PROSE at every position.
_NON_PROSE_HINT = re.compile(r"<!--|```|~~~|`|\]\(|https?://|www\.|@")


def mask_non_prose(text: str) -> str:
    """``text`` with code, comments, URLs and addresses blanked out (newlines kept)."""
    if not _NON_PROSE_HINT.search(text):
        return text

    def blank(m: re.Match[str]) -> str:
        s = m.group()
        if s.startswith("]("):
            return "]" + re.sub(r"[^\n]", " ", s[1:])
        return re.sub(r"[^\n]", " ", s)

    return _NON_PROSE.sub(blank, text)


@dataclass(eq=False)
class Note:
    """One note to check. Offsets given to and by rules are into ``text`` (the whole file)."""

    text: str
    body_start: int
    context: Context
    lang: str  # base language, 'en' or 'de'
    lang_tag: str  # as configured or detected, e.g. 'en-GB'
    path: str | None = None
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    context_problems: tuple[tuple[str, str, str | None], ...] = ()  # (key, message, suggestion)
    lang_detected: bool = False
    spacy_model: str | None = None
    # a template: ``text`` has the slots filled with sample values; this maps back (_templates)
    filled: Filled | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def source_text(self) -> str:
        """The file's text as written (for a template, with its slots unfilled)."""
        return self.filled.original if self.filled is not None else self.text

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @cached_property
    def prose(self) -> str:
        """The body with non-prose (code, comments, URLs, addresses) blanked; same length as body."""
        return mask_non_prose(self.body)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def doc(self) -> Doc:
        """spaCy Doc of :attr:`prose` (token offsets are relative to the body: use :meth:`at`)."""
        cached: Doc | None = self.__dict__.get("_doc")
        if cached is None:
            with self._lock:
                cached = self.__dict__.get("_doc")
                if cached is None:
                    from notelint._nlp import make_doc

                    cached = make_doc(self.prose, self.lang, self.spacy_model)
                    self.__dict__["_doc"] = cached
        return cached

    def at(self, body_offset: int) -> int:
        """Whole-file offset of a body offset."""
        return self.body_start + body_offset

    def span_of(self, span: Span) -> tuple[int, int]:
        """Whole-file [start, end) of a spaCy span or token range of :attr:`doc`."""
        return self.body_start + span.start_char, self.body_start + span.end_char

    def sentences(self) -> Iterator[Span]:
        """Sentences of the body with at least one word (headers and blank runs skipped)."""
        for sent in self.doc.sents:
            if any(t.is_alpha for t in sent):
                yield sent

    @cached_property
    def _alpha(self) -> list[int]:
        """IS_ALPHA of every token (one array call instead of a Token object per token)."""
        from spacy.attrs import IS_ALPHA

        doc = self.doc
        return doc.to_array(IS_ALPHA).tolist() if len(doc) else []  # type: ignore[no-any-return]

    @cached_property
    def words(self) -> int:
        return sum(self._alpha)

    @cached_property
    def sentence_count(self) -> int:
        """The number of :meth:`sentences` (computed without building Token objects)."""
        alpha = self._alpha
        return sum(1 for sent in self.doc.sents if any(alpha[sent.start : sent.end]))

    def dump_context(self) -> dict[str, Any]:
        return self.context.model_dump(mode="json", by_alias=True, exclude_defaults=True)
