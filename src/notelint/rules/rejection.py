"""burned-bridge and no-stay-in-touch: replies to a rejection (stage from rules/_stage.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._letter import signoff_start
from notelint.rules._phrases import own_matches
from notelint.rules._stage import rejection_stage

_QUOTE_LINE = re.compile(r"^[ \t]*>")


class BurnedBridgeRule(Rule):
    """Bitter, hostile or accusatory tone in a reply to a rejection.

    What it does:
        In a note that replies to a rejection (`stage: after-rejection`, or a body that clearly
        reads as one: "although I was not selected", "dass Sie sich für einen anderen
        Kandidaten entschieden haben"), flags phrases from the `burned-bridge` catalogs
        (rules/en/burned-bridge.yaml, rules/de/burned-bridge.yaml): "your loss", "a waste of
        my time", "I don't see how anyone could be more qualified", "unfair", "you made a
        mistake", "I doubt anyone looked at my application", "it seems the decision was made
        before I walked in", "Zeitverschwendung", "unverschämt", "Das ist Ihr Verlust",
        "offenbar stand die Entscheidung schon vorher fest". Disappointment
        said graciously ("I was disappointed, but I understand") is fine. Negated phrases
        ("it was by no means a waste of my time"), quoted ones, lines quoting the company's
        email (`> ...`) and topics ("we talked about unfair pricing") are not flagged. When
        the stage was inferred, the message says so. With `stage: after-interview` the rule is
        silent.

    Why it matters:
        Recruiters keep a short list of impressive candidates and call them first when
        something fits. A bitter reply takes you off that list for good, and hiring managers
        talk to each other.

    Example:
        Dear Ms. Ortiz, thank you for letting me know. Frankly, the whole process was a waste
        of my time, and I don't see how anyone could be more qualified than me. Your loss.

    Better:
        Dear Ms. Ortiz, thank you for letting me know. I was disappointed, but I understand,
        and I enjoyed learning about the analytics team. Please keep me in mind for future
        roles.
    """

    id = "burned-bridge"
    severity = Severity.error

    def check(self, note: Note) -> Iterable[Finding]:
        stage = rejection_stage(self.env, note)
        # not a reply to a rejection (or explicitly after an interview): nothing to say
        if not stage.rejection:
            return
        for m in own_matches(self.env, self.id, note, topical=True):
            start, end = note.span_of(m.span)
            entry = m.item
            why = entry.why or "This reads as bitter or accusatory."
            instead = f" Instead: {entry.instead}" if entry.instead else ""
            yield self.finding(
                note,
                start,
                end,
                f"Burns a bridge after a rejection: {why}{instead}{stage.suffix}",
            )


class NoStayInTouchRule(Rule):
    """A reply to a rejection that does not ask to stay in touch or to be considered again.

    What it does:
        In a note that replies to a rejection (`stage: after-rejection`, or a body that clearly
        reads as one), looks for an ask to stay in touch or to be considered for future roles,
        from the `no-stay-in-touch` catalogs ("please keep me in mind", "I'd welcome future
        opportunities", "I hope our paths cross again", "let's stay in touch", "gern bleibe
        ich mit Ihnen in Kontakt", "Bitte berücksichtigen Sie mich bei zukünftigen Stellen").
        Fires when there is none. Negated asks and lines quoting the company's email
        (`> ...`) do not count. The finding sits on the last sentence before the sign-off.
        When the stage was inferred, the message says so.

    Why it matters:
        A rejection is not the end of the conversation. Recruiters keep a short list of
        impressive candidates and call them first when something fits; one line asking to
        stay in touch puts you on it.

    Example:
        Dear Mr. Brandt, thank you for letting me know that you decided to go with another
        candidate. I enjoyed our conversations about the data platform.

    Better:
        Dear Mr. Brandt, thank you for letting me know that you decided to go with another
        candidate. I enjoyed our conversations about the data platform; please keep me in mind
        if a similar role opens up.
    """

    id = "no-stay-in-touch"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        # a body too short to judge: other rules speak up
        if note.words < 5:
            return
        stage = rejection_stage(self.env, note)
        # not a reply to a rejection: nothing to ask for
        if not stage.rejection:
            return
        # an ask is present
        if own_matches(self.env, self.id, note):
            return
        start, end = _closing_sentence(note)
        ask = (
            "'Please keep me in mind for future roles.'"
            if note.lang == "en"
            else "'Gern bleibe ich mit Ihnen in Kontakt.'"
        )
        yield self.finding(
            note,
            start,
            end,
            "No ask to stay in touch after a rejection: add one line such as "
            f"{ask} Recruiters call the candidates on their short list first when "
            f"something fits.{stage.suffix}",
        )


def _closing_sentence(note: Note) -> tuple[int, int]:
    """The last sentence of three or more words before the sign-off, outside quoted lines."""
    best = None
    stop = signoff_start(note.prose)
    for sent in note.sentences():
        first = next((t.idx for t in sent if not t.is_space), sent.start_char)
        if stop is not None and first >= stop:
            break
        line_start = note.prose.rfind("\n", 0, sent.start_char) + 1
        if _QUOTE_LINE.match(note.prose, line_start):
            continue
        if sum(1 for t in sent if t.is_alpha) >= 3:
            best = sent
    if best is None:
        return note.body_start, note.body_start
    text = best.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return note.at(best.start_char + lead), note.at(best.start_char + trail)
