"""late-follow-up: an email later than 24 hours, a card that cannot arrive within 7 days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from pydantic import Field

from notelint._context import Channel
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule, RuleOptions
from notelint.rules._stage import rejection_stage


def now() -> datetime:
    """The current time (aware, UTC): the default ``send_at``. Tests replace this function."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Window:
    """A moment, or a whole day for date-only values: [earliest, latest] as aware datetimes."""

    earliest: datetime
    latest: datetime
    day: date  # the calendar day (in the value's own zone)
    date_only: bool


def _aware(value: datetime, zone: tzinfo | None) -> datetime:
    """Attach ``zone`` to a naive value; None means the machine's local zone (DST-aware)."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value
    if zone is None:
        return value.astimezone()  # naive -> local time of this machine
    return value.replace(tzinfo=zone)


def _zone_of(value: date | datetime | None) -> tzinfo | None:
    if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None:
        return value.tzinfo
    return None


def window(value: date | datetime, zone: tzinfo | None) -> Window:
    """The :class:`Window` of a context value; naive values take ``zone`` (None: local)."""
    if isinstance(value, datetime):
        moment = _aware(value, zone)
        return Window(moment, moment, value.date(), False)
    start = _aware(datetime.combine(value, time()), zone)
    end = _aware(datetime.combine(value + timedelta(days=1), time()), zone)
    return Window(start, end, value, True)


def resolve(
    interview_at: date | datetime, send_at: date | datetime | None
) -> tuple[Window, Window, bool]:
    """The interview and send windows, and whether ``send_at`` was given (else: now).

    Naive values: when the other value is aware and was given in the context, a naive value
    is taken in the other value's zone; otherwise (both naive, or ``send_at`` defaulting to
    now) in the local time zone of the machine. Date-only values cover the whole day.
    """
    given = send_at is not None
    sent: date | datetime = send_at if send_at is not None else now()
    i_zone = _zone_of(interview_at)
    s_zone = _zone_of(sent) if given else None
    interview = window(interview_at, s_zone)
    send = window(sent, i_zone)
    return interview, send, given


def add_postal_days(posted: date, days: int) -> date:
    """The day a card posted on ``posted`` arrives: ``days`` delivery days later (no Sundays).

    Letters are delivered Monday to Saturday; public holidays are not known and not counted.
    """
    d = posted
    left = days
    while left > 0:
        d += timedelta(days=1)
        if d.weekday() != 6:  # Sunday: no delivery
            left -= 1
    return d


def _duration(hours: float) -> str:
    if hours < 48:
        n = int(hours)
        return f"{n} hour{'s' if n != 1 else ''}"
    days = int(hours // 24)
    return f"{days} days"


class LateFollowUpOptions(RuleOptions):
    email_hours: float = Field(
        default=24, gt=0, description="an email or LinkedIn message goes out within these hours"
    )
    card_days: int = Field(
        default=7, ge=1, le=60, description="a handwritten card arrives within these days"
    )
    postal_days: int = Field(
        default=3, ge=0, le=30, description="delivery days (Mon-Sat) a posted card takes"
    )


class LateFollowUpRule(Rule):
    """An email later than 24 hours after the interview; a card that cannot arrive within 7 days.

    What it does:
        Compares `interview_at` (when the interview ended) with `send_at` (when the note is
        sent or posted; default: now) for the `channel`. An email or LinkedIn message should go
        out within `email-hours` (24); a handwritten card must arrive within `card-days` (7)
        after the interview, and takes `postal-days` (3) delivery days, Monday to Saturday
        (public holidays are not known). The message says what to do now. A handwritten card
        that is on time still gets an info finding: send a short email as well. Silent
        without `interview_at`, when the interview lies ahead of now (a draft written in
        advance), and for a reply to a rejection (`stage: after-rejection`, or a body that reads
        as one): it answers the company's message, so the interview's clock does not apply.

        Time zones: aware values are compared as instants (DST-safe). A naive value takes the
        zone of the other value when that one is aware and given; otherwise (both naive, or
        `send_at` defaulting to now) it is local time on this machine. Date-only values cover
        the whole day, read leniently: an interview on a date is taken to end at the end of
        that day, a note sent on a date to go out at the start of it. A `send_at` before
        `interview_at` is reported as an error (the dates or their time zones are wrong).
        The finding sits on the `send_at` (or `interview_at`) value in the front matter, else
        on the first line of the body.

    Why it matters:
        Recruiters expect a thank-you email within 24 hours, and a handwritten card alone can
        arrive after the decision has been made. A late note says the opposite of "I want
        this job".

    Example:
        ---
        interview_at: 2026-11-23T15:00:00+01:00
        send_at: 2026-11-25T09:00:00+01:00
        channel: email
        ---

    Better:
        ---
        interview_at: 2026-11-23T15:00:00+01:00
        send_at: 2026-11-23T19:30:00+01:00
        channel: email
        ---
    """

    id = "late-follow-up"
    severity = Severity.warning
    requires = frozenset({"interview_at"})
    Options = LateFollowUpOptions

    def check(self, note: Note) -> Iterable[Finding]:
        opts = self.options
        assert isinstance(opts, LateFollowUpOptions)
        ctx = note.context
        if ctx.interview_at is None:
            return
        # A reply to a rejection answers the company's message, not the interview: the
        # 24-hour / 7-day guidance does not apply (stage given or read from the body).
        if rejection_stage(self.env, note).rejection:
            return
        try:
            interview, send, given = resolve(ctx.interview_at, ctx.send_at)
            found = list(self._judge(note, interview, send, given, opts))
        except (OverflowError, OSError, ValueError):
            # year 1 or 9999 and the like: nothing sensible to compute with
            start, end = self._where(note, "interview_at")
            yield self.finding(
                note,
                start,
                end,
                f"`interview_at` ({_show(ctx.interview_at)}) or `send_at` "
                f"({_show(ctx.send_at)}) is out of range: check the dates.",
                severity=Severity.error,
            )
            return
        yield from found

    def _judge(
        self,
        note: Note,
        interview: Window,
        send: Window,
        given: bool,
        opts: LateFollowUpOptions,
    ) -> Iterable[Finding]:
        ctx = note.context
        # send_at before the interview: the dates are wrong, nothing else can be judged
        if given and _utc(send.latest) < _utc(interview.earliest):
            start, end = self._where(note, "send_at")
            yield self.finding(
                note,
                start,
                end,
                f"`send_at` ({_show(ctx.send_at)}) is before `interview_at` "
                f"({_show(ctx.interview_at)}): a follow-up goes out after the interview. "
                "Check both values and their time zones.",
                severity=Severity.error,
            )
            return
        # the interview lies ahead (a draft written in advance): nothing is late yet
        if not given and _utc(send.earliest) < _utc(interview.earliest):
            return
        if ctx.channel is Channel.handwritten:
            yield from self._card(note, interview, send, given, opts)
        else:
            yield from self._message(note, interview, send, given, opts)

    def _message(
        self,
        note: Note,
        interview: Window,
        send: Window,
        given: bool,
        opts: LateFollowUpOptions,
    ) -> Iterable[Finding]:
        # as instants: subtracting two values of one ZoneInfo would use wall-clock time
        elapsed = _utc(send.earliest) - _utc(interview.latest)
        hours = elapsed.total_seconds() / 3600
        # on time
        if hours <= opts.email_hours:
            return
        what = "email" if note.context.channel is Channel.email else "LinkedIn message"
        limit = f"{opts.email_hours:g} hours"
        lead = (
            f"The {what} goes out {_duration(hours)} after the interview"
            if given
            else f"It is {_duration(hours)} since the interview"
        )
        start, end = self._where(note, "send_at" if given else "interview_at")
        yield self.finding(
            note,
            start,
            end,
            f"{lead} (a follow-up {what} goes out within {limit}, the sooner the better): "
            f"send a short {what} today.",
        )

    def _card(
        self,
        note: Note,
        interview: Window,
        send: Window,
        given: bool,
        opts: LateFollowUpOptions,
    ) -> Iterable[Finding]:
        zone = interview.earliest.tzinfo
        posted = send.day if send.date_only else send.earliest.astimezone(zone).date()
        arrives = add_postal_days(posted, opts.postal_days)
        deadline = interview.day + timedelta(days=opts.card_days)
        start, end = self._where(note, "send_at" if given else "interview_at")
        days = f"{opts.card_days} days"
        if arrives > deadline:
            when = f"posted on {posted:%a %Y-%m-%d}" if given else "posted now"
            yield self.finding(
                note,
                start,
                end,
                f"A card {when} arrives around {arrives:%a %Y-%m-%d}, more than {days} after "
                f"the interview (it should arrive by {deadline:%a %Y-%m-%d}): send a short email "
                "today, and the card in addition to it, not instead of it.",
            )
            return
        cstart, cend = self._where(note, "channel")
        yield self.finding(
            note,
            cstart,
            cend,
            f"A card alone can arrive after the decision (this one around "
            f"{arrives:%a %Y-%m-%d}): send a short email today as well; the card comes in "
            "addition to it, not instead of it.",
            severity=Severity.info,
        )

    def _where(self, note: Note, key: str) -> tuple[int, int]:
        """The key's value in the front matter, else interview_at's, else the body's first line."""
        positions = note.front_matter.positions
        for k in (key, "send_at", "interview_at"):
            pos = positions.get(k)
            if pos is not None:
                return pos.value_start, pos.value_end
        body = note.body
        stripped = body.lstrip()
        first = len(body) - len(stripped)
        line = stripped.split("\n", 1)[0].rstrip()
        return note.at(first), note.at(first + len(line))


def _utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc)


def _show(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else "now"
