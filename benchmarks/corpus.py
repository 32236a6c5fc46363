"""A seeded generator of realistic follow-up notes in English and German.

Every note is built from the sentence banks below (written for this project): a salutation,
thanks, specific references to the conversation (names, companies, topics vary), why the
candidate wants to work *there*, optional extra paragraphs, a closer and a sign-off. Some
notes carry typical flaws: an unfilled placeholder, canned phrases, a misspelled name.
Each note has YAML front matter (interviewers, company, role, topics, interview_at,
send_at, lang). The body is 60 to 400 words. The same seed always gives the same notes.

    from benchmarks.corpus import generate
    notes = generate(200, seed=7)          # both languages, alternating
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

MIN_WORDS = 60
MAX_WORDS = 400
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    """Words in ``text`` (letters/digits, with inner hyphens and apostrophes)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class GeneratedNote:
    text: str  # the whole file: front matter and body
    body: str
    lang: str
    words: int  # words in the body
    context: dict[str, object]
    flaws: tuple[str, ...] = field(default=())
    name: str = "note.md"


# -- banks -------------------------------------------------------------------------------

FIRST = {
    "en": [
        "Rita",
        "Marcus",
        "Priya",
        "Tomás",
        "Hannah",
        "Kwame",
        "Ingrid",
        "Daniel",
        "Mei",
        "Oliver",
        "Fatima",
        "Siobhan",
        "Raj",
        "Lucía",
        "Ethan",
        "Noor",
    ],
    "de": [
        "Anna",
        "Jürgen",
        "Katrin",
        "Mehmet",
        "Sabine",
        "Lukas",
        "Friederike",
        "Tobias",
        "Elif",
        "Matthias",
        "Johanna",
        "Björn",
        "Svenja",
        "Dariusz",
        "Leonie",
        "Hannes",
    ],
}
LAST = {
    "en": [
        "Izaguirre",
        "Whitfield",
        "Okonkwo",
        "Brennan",
        "Castellanos",
        "Lindqvist",
        "Haddad",
        "Pemberton",
        "Nakamura",
        "Delacroix",
        "Abernathy",
        "Fitzgerald",
        "Ramaswamy",
        "Kowalczyk",
        "Thornbury",
        "Achterberg",
    ],
    "de": [
        "Schröder",
        "Öztürk",
        "Wagenknecht",
        "Brandstätter",
        "Hoffmann",
        "Lewandowski",
        "Kießling",
        "Dreßler",
        "Böhm",
        "Achenbach",
        "Marquardt",
        "Vogelsang",
        "Pfannenstiel",
        "Grünewald",
        "Zimmermann",
        "Hußmann",
    ],
}
COMPANIES = {
    "en": [
        "Jackson Spalding",
        "Harbor Analytics",
        "Bluefin Logistics",
        "Meridian Health",
        "Copperleaf Studios",
        "Northgate Energy",
        "Tallow & Finch",
        "Brightwater Labs",
        "Kestrel Insurance",
        "Oakridge Foods",
    ],
    "de": [
        "Stadtwerke Kiel",
        "Hansebrücke Logistik",
        "Lindenhof Kliniken",
        "Brauerei Fichtelgold",
        "Nordlicht Software",
        "Werkraum Architekten",
        "Kaufhaus Ambrosius",
        "Elbtal Versicherung",
        "Rheinfeld Maschinenbau",
        "Grünfeld Bio-Markt",
    ],
}
ROLES = {
    "en": [
        "data analyst",
        "product designer",
        "operations manager",
        "staff nurse",
        "backend engineer",
        "account executive",
        "communications lead",
        "UX researcher",
    ],
    "de": [
        "Projektleiterin",
        "Softwareentwickler",
        "Controllerin",
        "Pflegefachkraft",
        "Einkäufer",
        "Marketingreferentin",
        "Teamleiter Logistik",
        "Bauingenieurin",
    ],
}
# (topic for front matter, a specific detail from the conversation)
TOPICS = {
    "en": [
        ("churn model", "moving the churn model into the weekly planning meeting"),
        ("Lisbon office", "the new Lisbon office opening next spring"),
        ("warehouse robotics pilot", "testing pick-rate changes with the night shift first"),
        ("onboarding redesign", "cutting the onboarding checklist from forty steps to twelve"),
        ("trail race", "the trail race in the Dolomites you are training for"),
        ("regional support queues", "halving first-response times after the queue split"),
        ("supplier audit", "the supplier audit that turned up the duplicate invoices"),
        ("ramen place", "the ramen place near the office you recommended"),
        ("accessibility review", "the screen-reader review of the booking flow"),
        ("mentoring programme", "pairing every new hire with a mentor from another team"),
    ],
    "de": [
        ("Umzug ins neue Lager", "den Umzug ins neue Lager in Neumünster"),
        ("Schichtplanung", "die neue Schichtplanung, die das Team selbst entworfen hat"),
        ("Kundenportal", "den Relaunch des Kundenportals im Herbst"),
        ("Radtour", "Ihre Radtour an der Mosel im letzten Sommer"),
        ("Energiemonitoring", "das Energiemonitoring für die drei Werkshallen"),
        ("Ausbildungsprogramm", "das Ausbildungsprogramm mit der Berufsschule in Rendsburg"),
        ("Lieferantenbewertung", "die neue Lieferantenbewertung mit nur fünf Kriterien"),
        ("Café am Hafen", "Ihren Tipp mit dem kleinen Café am Hafen"),
        ("Barrierefreiheit", "die Prüfung der Website auf Barrierefreiheit"),
        ("Mentoring", "das Mentoring für neue Kolleginnen und Kollegen"),
    ],
}
SALUTATIONS = {
    "en": ["Dear {title} {last},", "Hi {first},", "Hello {first},", "Dear {first} {last},"],
    "de": [
        "Sehr geehrte{r} {title} {last},",
        "Liebe{r} {first},",
        "Hallo {first},",
        "Guten Tag {title} {last},",
    ],
}
THANKS = {
    "en": [
        "Thank you for meeting with me on {day} to talk about the {role} position.",
        "Thanks again for the conversation on {day} about the {role} role at {company}.",
        "I really appreciated the hour we spent on {day} going through the {role} position.",
        "Thank you for showing me around the {company} office on {day}.",
    ],
    "de": [
        "vielen Dank für das Gespräch am {day} über die Stelle als {role}.",
        "herzlichen Dank, dass Sie sich am {day} Zeit für mich genommen haben.",
        "danke für den Rundgang bei {company} am {day} und das offene Gespräch.",
        "ich danke Ihnen für das Gespräch am {day} über die Position als {role}.",
    ],
}
REFERENCES = {
    "en": [
        "Your point about {detail} has stayed with me since.",
        "I keep thinking about {detail}; it is a rare example of a team testing ideas before rolling them out.",
        "When you described {detail}, it was clear how much the team cares about getting details right.",
        "I was glad to hear more about {detail}, and I have already sketched a few questions about it.",
        "{first}, thank you for the tip about {detail}.",
        "It was interesting to compare notes on {detail} with what I saw at my last job.",
    ],
    "de": [
        "Besonders Ihre Erzählung über {detail} ist mir in Erinnerung geblieben.",
        "Was Sie über {detail} berichtet haben, hat mich noch lange beschäftigt.",
        "Ich fand es spannend zu hören, wie das Team {detail} angegangen ist.",
        "Danke auch, dass Sie {detail} angesprochen haben.",
        "Über {detail} würde ich gern noch mehr erfahren.",
        "Was Sie über {detail} erzählt haben, hat mir gezeigt, wie genau bei {company} gearbeitet wird.",
    ],
}
MOTIVATION = {
    "en": [
        "I want to work at {company} because the team clearly learns from its own data.",
        "What draws me to {company} is how openly people there talk about what did not work.",
        "I would love to be part of a team that treats work like the {topic} as a shared project rather than a side task.",
        "After our talk I am even more certain that {company} is where I want to grow as a {role}.",
    ],
    "de": [
        "Ich möchte bei {company} arbeiten, weil dort offen über Fehler gesprochen wird.",
        "Mich reizt an {company} vor allem, wie eng die Teams zusammenarbeiten.",
        "Nach unserem Gespräch bin ich mir sicher, dass ich bei {company} als {role} viel lernen kann.",
        "Gerade das Thema {topic} würde ich gern gemeinsam mit Ihrem Team weiterentwickeln.",
    ],
}
EXTRA = {
    "en": [
        "At my current job I rebuilt our weekly report so that it fits on a single page, and the planning meeting got twenty minutes shorter.",
        "I also looked at the public roadmap you mentioned and noticed that two of the items depend on the same data source.",
        "If it helps, I can send the short write-up on customer interviews that I mentioned during our conversation.",
        "The question you asked about trade-offs between speed and quality made me rethink how I would plan the first three months.",
        "I spoke with a former colleague who worked on a similar project, and she confirmed that the first weeks are the hardest.",
        "One idea I did not get to mention is a small pilot with two teams before changing the process for everyone.",
        "I appreciated how candid you were about the challenges of the move and the tight schedule for the autumn.",
        "Since our meeting I have read the case study on your website and the article about the new training budget.",
        "The examples you gave of cross-team projects showed me how the role connects to sales, support and finance.",
        "I liked that the interview included a practical exercise; it gave me a realistic picture of the daily work.",
    ],
    "de": [
        "In meiner jetzigen Stelle habe ich den Wochenbericht auf eine Seite gekürzt, und die Besprechung ist seitdem zwanzig Minuten kürzer.",
        "Ich habe mir auch die Unterlagen angesehen, die Sie erwähnt haben, und dabei festgestellt, dass zwei Vorhaben auf derselben Datenquelle beruhen.",
        "Wenn es hilft, schicke ich Ihnen gern die kurze Auswertung der Kundengespräche, von der ich erzählt habe.",
        "Ihre Frage nach dem Verhältnis von Tempo und Qualität hat mich dazu gebracht, meine Planung für die ersten drei Monate zu überdenken.",
        "Eine frühere Kollegin hat an einem ähnlichen Projekt gearbeitet und mir bestätigt, dass die ersten Wochen die schwierigsten sind.",
        "Eine Idee, die ich im Gespräch nicht mehr anbringen konnte, ist ein kleiner Versuch mit zwei Teams, bevor sich der Ablauf für alle ändert.",
        "Ich fand es gut, wie offen Sie über die Herausforderungen des Umzugs und den knappen Zeitplan gesprochen haben.",
        "Seit unserem Treffen habe ich die Fallstudie auf Ihrer Website und den Artikel über das neue Weiterbildungsbudget gelesen.",
        "Ihre Beispiele für teamübergreifende Projekte haben mir gezeigt, wie die Stelle mit Vertrieb, Service und Finanzen verbunden ist.",
        "Dass zum Gespräch eine praktische Aufgabe gehörte, hat mir ein realistisches Bild vom Arbeitsalltag gegeben.",
    ],
}
CLOSERS = {
    "en": [
        "I look forward to hearing about the next steps.",
        "Please let me know if I can send anything else that would help.",
        "I hope the Lisbon trip goes well, and I look forward to staying in touch.",
        "Good luck with the launch next week.",
    ],
    "de": [
        "Ich freue mich darauf, von Ihnen zu hören.",
        "Wenn Sie noch Unterlagen von mir brauchen, melden Sie sich gern.",
        "Viel Erfolg beim Start des neuen Portals, und ich freue mich auf Ihre Rückmeldung.",
        "Ich wünsche Ihnen und dem Team eine gute Woche.",
    ],
}
SIGNOFFS = {
    "en": ["Best regards,", "Kind regards,", "Thanks again,", "Warm wishes,", "Sincerely,"],
    "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Herzliche Grüße"],
}
SENDERS = {
    "en": ["Jordan Lee", "Alex Kim", "Sam Okafor", "Morgan Reyes", "Elena Brooks"],
    "de": ["Jana Krüger", "Felix Brandt", "Miriam Yilmaz", "Paul Hagedorn", "Lea Sommer"],
}
CANNED = {
    "en": [
        "Thank you for your time and consideration.",
        "I am confident that my skills and experience make me the perfect fit for this role.",
        "I am a highly motivated team player with a proven track record of success.",
    ],
    "de": [
        "Vielen Dank für Ihre Zeit und Ihr Interesse an meiner Bewerbung.",
        "Ich bin überzeugt, dass ich mit meinen Fähigkeiten die ideale Besetzung für diese Stelle bin.",
        "Als teamfähige und belastbare Persönlichkeit bringe ich alles mit, was Sie suchen.",
    ],
}
PLACEHOLDERS = ["[Company Name]", "{{ interviewer }}", "<Name>", "XYZ", "___"]
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
}


def _misspell(name: str, rng: random.Random) -> str:
    """Swap two inner letters or drop one (a typical misspelled name)."""
    if len(name) < 5:
        return name + name[-1]
    i = rng.randrange(1, len(name) - 2)
    if rng.random() < 0.5 and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + name[i + 1 :]


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_note(rng: random.Random, lang: str, index: int = 0) -> GeneratedNote:
    """One note in ``lang`` drawn from ``rng``."""
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    second = f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"
    company = rng.choice(COMPANIES[lang])
    role = rng.choice(ROLES[lang])
    topics = rng.sample(TOPICS[lang], k=rng.randint(1, 3))
    sender = rng.choice(SENDERS[lang])
    day = rng.choice(DAYS[lang])
    female = rng.random() < 0.5
    if lang == "en":
        title = "Ms." if female else "Mr."
        r_suffix = ""
    else:
        title = "Frau" if female else "Herr"
        r_suffix = "" if female else "r"
    flaws: list[str] = []
    roll = rng.random()
    if roll < 0.12:
        flaws.append("placeholder")
    elif roll < 0.24:
        flaws.append("canned")
    elif roll < 0.34:
        flaws.append("misspelled-name")
    shown_last = _misspell(last, rng) if "misspelled-name" in flaws else last
    fmt = {
        "first": first,
        "last": shown_last,
        "title": title,
        "r": r_suffix,
        "company": company,
        "role": role,
        "day": day,
        "topic": topics[0][0],
        "detail": topics[0][1],
    }

    def fill(template: str, **extra: str) -> str:
        return template.format(**{**fmt, **extra})

    salutation = fill(rng.choice(SALUTATIONS[lang]))
    thanks = fill(rng.choice(THANKS[lang]))
    if lang == "en":
        thanks = thanks[0].upper() + thanks[1:]
    opening = [thanks]
    for _topic, detail in topics[:2]:
        opening.append(fill(rng.choice(REFERENCES[lang]), detail=detail))
    middle = [fill(rng.choice(MOTIVATION[lang]))]
    if "canned" in flaws:
        middle.insert(0, rng.choice(CANNED[lang]))
    if "placeholder" in flaws:
        ph = rng.choice(PLACEHOLDERS)
        middle.append(
            f"I would be proud to join {ph} and help the team."
            if lang == "en"
            else f"Ich würde mich freuen, bei {ph} mitzuarbeiten."
        )
    closing = [rng.choice(CLOSERS[lang])]
    if "canned" in flaws and rng.random() < 0.5:
        closing.append(CANNED[lang][0])
    signoff = f"{rng.choice(SIGNOFFS[lang])}\n{sender}"

    target = rng.randint(MIN_WORDS, MAX_WORDS)
    extras = EXTRA[lang][:]
    rng.shuffle(extras)
    paragraphs: list[list[str]] = [opening, middle]

    def assemble() -> str:
        parts = [salutation, ""]
        for p in paragraphs:
            parts.append(" ".join(p))
            parts.append("")
        parts.append(" ".join(closing))
        parts.append("")
        parts.append(signoff)
        return "\n".join(parts) + "\n"

    body = assemble()
    pool = extras * 3  # long notes reuse sentences (real long notes repeat themselves too)
    current: list[str] = []
    paragraphs.append(current)
    for sentence in pool:
        if count_words(body) >= target:
            break
        if count_words(body) + count_words(sentence) > MAX_WORDS:
            break
        if len(current) >= rng.randint(2, 4):
            current = []
            paragraphs.append(current)
        current.append(sentence)
        body = assemble()
    while count_words(body) < MIN_WORDS:  # never happens with these banks; kept as a guard
        paragraphs[-1].append(extras[0])
        body = assemble()

    interview_at = datetime(2025, 3, 3, 9, 0) + timedelta(
        days=rng.randint(0, 60), hours=rng.randint(0, 8)
    )
    send_at = interview_at + timedelta(hours=rng.choice([1, 2, 5, 20, 30]))
    interviewers = [f"{first} {last}"] + ([second] if rng.random() < 0.3 else [])
    context: dict[str, object] = {
        "interviewers": interviewers,
        "company": company,
        "role": role,
        "topics": [t[0] for t in topics],
        "interview_at": interview_at.isoformat(timespec="minutes"),
        "send_at": send_at.isoformat(timespec="minutes"),
        "lang": lang,
        "sender": sender,
    }
    fm = ["---"]
    fm.append("interviewers: [" + ", ".join(_yaml_str(n) for n in interviewers) + "]")
    fm.append(f"company: {_yaml_str(company)}")
    fm.append(f"role: {_yaml_str(role)}")
    fm.append("topics: [" + ", ".join(_yaml_str(t[0]) for t in topics) + "]")
    fm.append(f"interview_at: {context['interview_at']}")
    fm.append(f"send_at: {context['send_at']}")
    fm.append(f"sender: {_yaml_str(sender)}")
    fm.append(f"lang: {lang}")
    fm.append("---")
    text = "\n".join(fm) + "\n" + body
    slug = re.sub(r"[^a-z0-9]+", "-", f"{first}-{last}".lower()).strip("-") or "note"
    return GeneratedNote(
        text=text,
        body=body,
        lang=lang,
        words=count_words(body),
        context=context,
        flaws=tuple(flaws),
        name=f"{index:04d}-{lang}-{slug}.md",
    )


def generate(
    n: int, *, seed: int = 0, langs: tuple[str, ...] = ("en", "de")
) -> list[GeneratedNote]:
    """``n`` notes, languages alternating over ``langs``; the same seed gives the same notes."""
    rng = random.Random(seed)
    return [make_note(rng, langs[i % len(langs)], i) for i in range(n)]


if __name__ == "__main__":  # pragma: no cover - a quick look at a few notes
    for note in generate(4, seed=1):
        print(note.text)
        print(f"# {note.lang}, {note.words} words, flaws: {', '.join(note.flaws) or '-'}\n")
