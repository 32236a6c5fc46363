"""The parts of a letter around its message: salutation line and sign-off (English, German)."""

from __future__ import annotations

import re

SALUTATION = re.compile(
    r"^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|greetings|"
    r"sehr geehrte[rs]?|liebe[rs]?|hallo|guten (?:tag|morgen|abend)|moin|servus|grüß gott|"
    r"grüezi)\b[^\n]{0,80}$",
    re.IGNORECASE | re.MULTILINE,
)
SIGNOFF = re.compile(
    r"^[ \t]*(?:(?:with )?(?:best|kind|warm|warmest|many thanks and)?\s*(?:regards|wishes)|"
    r"best|cheers|sincerely|yours(?: sincerely| truly| faithfully)?|respectfully|"
    r"thanks(?: again)?|thank you(?: again)?|all the best|warmly|"
    r"mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|herzliche grüße|"
    r"liebe grüße|schöne grüße|mit besten grüßen|mfg|gruß|grüße|herzlichst|"
    r"vielen dank(?: nochmals)?|danke(?: nochmals)?)\b[ \t,.!]*$",
    re.IGNORECASE | re.MULTILINE,
)


def is_signoff_line(line: str) -> bool:
    return SIGNOFF.match(line.strip()) is not None


def signoff_start(text: str) -> int | None:
    """Offset of the last sign-off line in the final 400 characters of ``text``, if any."""
    tail = max(0, len(text) - 400)
    last = None
    for m in SIGNOFF.finditer(text, tail):
        last = m.start()
    return last
