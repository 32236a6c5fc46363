"""no-conversation-reference: nothing from the conversation (a topic, a specific detail)."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule, RuleOptions
from notelint.rules._specificity import Vocabulary, content_span, evidence
from notelint.rules._topics import Topic, find_topics, parse_topic


class NoConversationReferenceOptions(RuleOptions):
    min_evidence: int = Field(
        default=1,
        ge=1,
        description="without topics: specific words needed for the note to count as specific",
    )


class NoConversationReferenceRule(Rule):
    """Nothing in the note comes from the conversation: no topic, no specific detail.

    What it does:
        With `topics` in the context, looks for each topic in the body by lemma and fuzzy
        matching: word order is free, inflections, German compounds and hyphen parts count
        ("your trip to San Francisco" refers to the topic "San Francisco trip", "des
        Lagersystems" to "Lagersystem", "das Kundenportal-Relaunch" to "Kundenportal"), and a
        typo of one letter in a long word is tolerated; short words must match exactly. It warns
        when none of the topics is referenced and names them. When at least one topic is
        referenced the rule is silent: one real reference is what the advice asks for.

        Without topics, a specificity measure decides (docs/specificity.md). The salutation,
        a subject line and the sign-off block are set aside. A word in the rest is evidence
        of a specific note when it is a number that is not part of a date, a named thing (a
        capitalized word that is not sentence-initial and not a greeting word, weekday, month,
        title or a name from the context, salutation or sign-off, and not a company in a slot
        such as "the team at Acme"), or a concrete content word: not a stop word and not in the
        generic follow-up vocabulary of the language (the catalog
        rules/<lang>/no-conversation-reference.yaml: thank, opportunity, position, team,
        interview, conversation, forward, hear, ...; German compounds made only of such words,
        "Vorstellungsgespräch", are generic too). The rule warns when the note has no such
        word at all (option `min-evidence`, default 1). Precision first: one specific word is
        enough to stay silent.

    Why it matters:
        Recruiters compare the notes they receive and recognise canned ones at once. Pulling
        one specific thing from the conversation (a project, a trip the interviewer mentioned,
        a restaurant tip) shows that you listened; a note any candidate could have sent to
        any company does not.

    Example:
        Dear Ms. Ortiz, thank you for taking the time to speak with me yesterday about the
        position. I enjoyed our conversation and learning more about the team. I look forward
        to hearing from you.

    Better:
        Dear Ms. Ortiz, thank you for walking me through the churn dashboard yesterday; your
        idea of moving it into the Monday planning meeting stuck with me. I look forward to
        hearing from you.
    """

    id = "no-conversation-reference"
    severity = Severity.warning
    Options = NoConversationReferenceOptions

    def check(self, note: Note) -> Iterable[Finding]:
        # an empty body is another rule's business
        if note.words == 0:
            return
        vocab = self._vocabulary(note.lang)
        if note.context.topics:
            yield from self._check_topics(note, vocab)
            return
        ctx = note.context
        names = [*ctx.names(), *([ctx.role] if ctx.role else [])]
        role_words = ctx.role.split() if ctx.role else []
        found = evidence(note.doc, vocab, names, role_words=role_words)
        opts = self.options
        assert isinstance(opts, NoConversationReferenceOptions)
        if len(found) >= opts.min_evidence:
            return
        start, end = self._anchor(note)
        at = f" at {ctx.company}" if ctx.company else ""
        yield self.finding(
            note,
            start,
            end,
            "Nothing in this note is specific to the conversation (no project, detail, name or "
            f"number from it); add one thing you talked about{at} to show you listened.",
        )

    def _check_topics(self, note: Note, vocab: Vocabulary) -> Iterable[Finding]:
        lang = note.lang
        topics = [self._topic(t, lang, vocab) for t in note.context.topics]
        found = find_topics(topics, note.doc, lang)
        if any(found.values()):
            return
        named = ", ".join(f"'{t}'" for t in note.context.topics)
        start, end = self._anchor(note)
        one = note.context.topics[0]
        yield self.finding(
            note,
            start,
            end,
            f"None of the topics from the interview is mentioned ({named}); refer to one of "
            f"them, e.g. '{one}', to show you listened.",
            suggestions=[],
        )

    def _vocabulary(self, lang: str) -> Vocabulary:
        def build() -> Vocabulary:
            from notelint._nlp import make_doc
            from notelint.rules._topics import _stop_words

            words: set[str] = set()
            for entry in self.env.catalog(self.id, lang):
                if entry.kind not in (None, "generic"):
                    continue
                w = entry.pattern.lower()
                words.add(w)
                words.update(t.norm_ for t in make_doc(w, lang) if len(make_doc(w, lang)) == 1)
            return Vocabulary(lang=lang, generic=frozenset(words), stop=_stop_words(lang))

        vocab: Vocabulary = self.env.cached(("no-conversation-reference:vocab", lang), build)
        return vocab

    def _topic(self, text: str, lang: str, vocab: Vocabulary) -> Topic:
        topic: Topic = self.env.cached(
            ("no-conversation-reference:topic", lang, text),
            lambda: parse_topic(text, lang, vocab.generic),
        )
        return topic

    def _anchor(self, note: Note) -> tuple[int, int]:
        """Whole-file span of the first sentence of the note's content (after the salutation)."""
        first, _ = content_span(note.doc)
        for sent in note.sentences():
            if sent.end_char > first:
                s = max(sent.start_char, first)
                while s < sent.end_char and note.prose[s].isspace():
                    s += 1
                return note.at(s), note.at(sent.end_char)
        return note.at(0), note.at(0)
