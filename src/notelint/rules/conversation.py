"""no-conversation-reference: nothing from the conversation (a topic, a specific detail)."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._analysis import generic_words
from notelint._analysis.judge import body
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, first_sentence, note_level
from notelint.rules._topics import Topic, find_topics, parse_topic


class NoConversationReferenceRule(Rule):
    """Nothing in the note comes from the conversation: no topic, no specific detail.

    What it does:
        Reads the sentence functions of the message (docs/content-model.md): a model trained
        on the labeled corpus gives each sentence a probability of referring to something
        specific from this conversation or this company (a project, a person, a question
        asked, a detail of the place, a number), from open-vocabulary evidence (names,
        numbers, words rare in the language and unknown to the genre, the context's topics,
        interviewers and company) as well as its words. When no sentence does (1 - the
        largest such probability is the score), it warns at the calibrated threshold and
        gives an info finding in the band just below. The company's name or the job title
        alone, and slot text left from a template, are not specific.

        With `topics` in the context, each topic is also looked for in the body by lemma and
        fuzzy matching (word order free, inflections, German compounds and hyphen parts, one
        typo in a long word): when one is referenced the rule is silent; when none is, it
        names them, as a warning unless the model sees a clearly specific sentence (then as
        info). Replies to a rejection are left to the rejection rules.

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

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        # a reply to a rejection, or an empty message: other rules speak
        if a.rejection or not body(a.sentences):
            return
        severity = note_level(self, a)
        ctx = note.context
        start, end = first_sentence(note, a)
        if ctx.topics:
            lang = note.lang
            topics = [self._topic(t, lang) for t in ctx.topics]
            if any(find_topics(topics, note.doc, lang).values()):
                return
            named = ", ".join(f"'{t}'" for t in ctx.topics)
            yield self.finding(
                note,
                start,
                end,
                f"None of the topics from the interview is mentioned ({named}); refer to one "
                f"of them, e.g. '{ctx.topics[0]}', to show you listened.",
                severity=severity if severity is not None else Severity.info,
            )
            return
        if severity is None:
            return
        at = f" at {ctx.company}" if ctx.company else ""
        yield self.finding(
            note,
            start,
            end,
            "Nothing in this note is specific to the conversation (no project, detail, name or "
            f"number from it); add one thing you talked about{at} to show you listened.",
            severity=severity,
        )

    def _topic(self, text: str, lang: str) -> Topic:
        topic: Topic = self.env.cached(
            ("no-conversation-reference:topic", lang, text),
            lambda: parse_topic(text, lang, generic_words(self.env, lang, builtin=True)),
        )
        return topic
