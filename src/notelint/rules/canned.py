"""generic-phrase and thanks-only: boilerplate any candidate could send to any company.

Both rules share one per-note analysis (:func:`analyse`):

1. The salutation ("Dear Ms. Ortiz,", "Sehr geehrte Frau Müller,") and the sign-off block
   ("Best regards,\\nAlex", "Mit freundlichen Grüßen") are cut off; the rest of the body is
   split into sentences (spaCy sentences, also split at blank lines).
2. Each sentence is matched against the phrase catalog of the rule pack
   (rules/<lang>/generic-phrase.yaml): exactly on lemmas with the spaCy Matcher
   (patterns of :mod:`notelint._match`; :class:`AnchoredMatcher` runs only the patterns whose
   required words all occur in the note, which keeps it fast), and, where that finds nothing,
   fuzzily with
   rapidfuzz (token_sort_ratio of the sentence's lemmas against each entry's lemma forms, or all
   of an entry's 4+ words present in a short sentence) so reordered words and small paraphrases
   are caught.
3. A matched sentence is *canned* only when the words the match does not cover carry nothing
   specific: no number, no word outside the generic vocabulary (stop words, the catalog's own
   words and a list of everyday follow-up words), names from the context (company, role,
   interviewers, sender) and slot fillers ("the Data Analyst position", "at Acme Corp.")
   excepted. "Thank you for the tour of the Rotterdam depot" is therefore not canned.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, product
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field

from notelint._errors import ConfigError
from notelint._match import compile_pattern
from notelint._models import Finding, Severity
from notelint._nlp import get_nlp
from notelint._note import Note
from notelint._packs import CatalogEntry
from notelint._rule import Rule, RuleOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from notelint._engine import RuleEnv

CATALOG_RULE = "generic-phrase"
KINDS = frozenset({"opener", "filler", "closer", "hedge", "stock-enthusiasm", "thanks"})
KIND_ALIASES = {
    "opening": "opener",
    "closing": "closer",
    "enthusiasm": "stock-enthusiasm",
    "thank-you": "thanks",
    "pleasantry": "filler",
}
# why / instead for entries that leave them out (a pack entry may be just a pattern)
DEFAULT_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "opener": ("A stock opening line.", "Open with something from the conversation."),
        "filler": ("A stock sentence any candidate could write.", "Replace it with a detail."),
        "closer": ("A stock closing line.", "End with a concrete next step or question."),
        "hedge": ("A claim without evidence.", "Give the evidence instead of the claim."),
        "stock-enthusiasm": ("Enthusiasm without a reason.", "Say what excites you about it."),
        "thanks": ("A thank-you that names nothing.", "Say what you are thankful for."),
    },
    "de": {
        "opener": ("Ein Standard-Einstieg.", "Mit etwas aus dem Gespräch beginnen."),
        "filler": ("Ein Satz, den jede Bewerberin schreiben könnte.", "Ein Detail nennen."),
        "closer": ("Ein Standard-Schlusssatz.", "Mit einem konkreten nächsten Schritt enden."),
        "hedge": ("Eine Behauptung ohne Beleg.", "Den Beleg statt der Behauptung liefern."),
        "stock-enthusiasm": ("Begeisterung ohne Grund.", "Sagen, was Sie daran reizt."),
        "thanks": ("Ein Dank ohne Anlass.", "Sagen, wofür Sie danken."),
    },
}
FUZZY_SORT_CUTOFF = 86.0  # token_sort_ratio: same words, other order or one word changed
PLEASANTRY_WORDS = 8  # thanks-only: a generic sentence up to this long counts as a pleasantry
MAX_SET_WORDS = 8  # sentences up to twice this long may match by containing an entry's words
MAX_FUZZY_FORMS = 8  # word combinations of one entry's alternatives used for fuzzy matching

# -- salutations and sign-offs ------------------------------------------------------------------

_SALUTATION = {
    "en": re.compile(
        r"^[ \t>*_]*(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening)|"
        r"to\s+whom)\b[^\n,!:]{0,60}[,!:]?[*_]*",
        re.IGNORECASE | re.MULTILINE,
    ),
    "de": re.compile(
        r"^[ \t>*_]*(?:sehr\s+geehrte[rs]?|liebe[rs]?|hallo|guten\s+(?:tag|morgen|abend)|moin|"
        r"servus|grüß\s+gott|grüezi|hi|hey)\b[^\n,!:]{0,60}[,!:]?[*_]*",
        re.IGNORECASE | re.MULTILINE,
    ),
}
_SIGNOFF = {
    "en": re.compile(
        r"^[ \t>*_-]*(?:(?:with\s+)?(?:best|kind|kindest|warm|warmest|many|all\s+the\s+best|"
        r"warm\s+best|respectful|sincere)?\s*(?:regards|wishes)|best|all\s+the\s+best|sincerely"
        r"(?:\s+yours)?|yours(?:\s+(?:truly|sincerely|faithfully))?|cheers|thanks(?:\s+again|"
        r"\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+again|\s+so\s+much)?|many\s+thanks|"
        r"with\s+(?:thanks|gratitude|appreciation)|warmly|respectfully|gratefully|take\s+care|"
        r"talk\s+soon|speak\s+soon|best,?\s+regards)[ \t]*[,.!]?[*_]*[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
    "de": re.compile(
        r"^[ \t>*_-]*(?:mit\s+(?:den\s+)?(?:freundlichen|besten|herzlichen|vielen|lieben)\s+"
        r"grüßen|(?:freundliche|viele|beste|herzliche|liebe|schöne|sonnige)\s+grüße(?:\s+aus\s+"
        r"\S+)?|(?:vielen\s+dank|danke)(?:\s+und\s+(?:viele|beste|herzliche|liebe)\s+grüße)?|"
        r"mfg|lg|vg|bg|herzlichst|bis\s+bald|alles\s+gute|beste\s+grüsse|viele\s+grüsse|"
        r"freundliche\s+grüsse|gruß|grüße|ihr|ihre|dein|deine)[ \t]*[,.!]?[*_]*[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
}

_SUBJECT = re.compile(r"[ \t]*(?:subject|betreff|re|aw|fwd?)[ \t]*:[^\n]*(?:\n|$)", re.I)
_NAME_LINE = re.compile(
    r"[ \t>*_]*[-–—~]?[ \t]*(?:[A-ZÄÖÜ][\w'.-]*)(?:[ \t]+[A-ZÄÖÜ][\w'.-]*){0,3}[*_ \t]*"
)

# -- vocabulary -----------------------------------------------------------------------------------

THANKS = {
    "en": frozenset({"thank", "thanks", "appreciate", "grateful", "gratitude", "appreciation"}),
    "de": frozenset({"danke", "dank", "bedanken", "dankbar", "dankeschön", "vielen"}),
}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Everyday follow-up words that say nothing specific about this conversation (lemmas, lowercase).
GENERIC = {
    "en": _wordset(
        """
        thank thanks appreciate grateful gratitude pleasure opportunity chance time today
        yesterday morning afternoon evening week day tomorrow earlier recent recently again
        interview interviewer conversation discussion meeting meet chat call talk speak discuss
        position role job opening vacancy company organization organisation firm team
        department business office staff people colleague candidate candidacy application
        process hiring manager recruiter consideration consider decision step next update
        news hear forward look hope wish know let contact reach question questions further
        information detail details anything else need help assist hesitate free please kindly
        convenience earliest soon possible happy glad excited exciting thrilled eager enthusiastic
        interested interest interesting enjoy enjoyable enjoyed great good wonderful fantastic
        excellent amazing lovely nice pleasant informative insightful productive valuable
        helpful kind generous warm welcoming truly really very so much many greatly sincerely
        deeply genuinely especially particularly highly strongly certainly definitely fully
        learn learning learned hearing sharing share insight insights about more everything
        sure confident believe think feel felt confirm reiterate reaffirm express remain
        strong stronger continue continued would could will shall may might must can
        contribute contribution join joining part member fit match skill skills experience
        background qualification qualifications ability abilities asset value valuable
        add bring make success successful goal goals mission vision culture value values
        work working environment future forward-looking role's company's team's best
        regard regards warmly sincerely cordially respectfully wonderful overview insight
        take taking spend spent give giving show showing walk explain explaining answer
        patient patience effort thoughtful attention courtesy hospitality invitation invite
        dedicate dedicated sharing provide provided offer offered extend extended
        mr mrs ms dr miss sir madam everyone all entire whole hr human resources
        email mail message note letter write writing follow follow-up touch get back hi
        hello dear real genuine honest monday tuesday wednesday thursday friday saturday
        sunday january february march april may june july august september october november
        december last this past just now challenge challenges growth development
        opportunities environment atmosphere
        """
    ),
    "de": _wordset(
        """
        danke dank dankbar bedanken vielen viel herzlich herzlichen recht ganz sehr besonders
        gespräch gesprächs vorstellungsgespräch interview termin treffen telefonat austausch
        unterhaltung kennenlernen gelegenheit möglichkeit chance zeit heute gestern morgen
        vormittag nachmittag abend woche tag kürzlich nochmals noch mal erneut einmal
        stelle position job rolle aufgabe aufgaben unternehmen firma team abteilung haus
        mitarbeiter mitarbeiterin kollege kollegen kollegin bewerbung bewerber bewerberin
        kandidat kandidatin auswahlprozess prozess verfahren bewerbungsprozess entscheidung
        schritt schritte rückmeldung antwort nachricht feedback frage fragen information
        informationen einblick einblicke eindruck eindrücke verfügung gerne gern jederzeit
        freuen freude froh begeistert spannend interessant interessiert interesse angenehm
        angenehmen nett nette freundlich freundlichen offen offene offenen informativ
        aufschlussreich wertvoll hilfreich toll schön gut super großartig sympathisch
        positiv positive positiven baldig baldige baldigen bald möglichst schnell weiteren
        weitere weiteres nächste nächsten zukunft zukünftig künftig zusammenarbeit
        gemeinsam mitwirken mitarbeiten beitragen einbringen teil gehören arbeit arbeiten
        erfahrung erfahrungen kenntnisse fähigkeiten qualifikation qualifikationen passen
        überzeugt überzeugen motiviert motivation bestätigt bestärkt bestätigen bestärken
        hoffen wünschen wissen lassen melden kontakt kontaktieren zögern scheuen bitte
        erreichen nehmen geben nehmen genommen nahm zeigen erklären erläutern vorstellen
        beantworten offenheit geduld mühe aufmerksamkeit gastfreundschaft einladung
        herr frau dr damen herren liebe lieber sehr geehrte geehrter geehrt hallo
        beste grüße gruß freundlichen ihnen ihr ihre ihrem ihren ihres sie
        sagen schreiben mail e-mail email zeilen brief anschreiben montag dienstag mittwoch
        interessante interessanten spannende spannenden schöne schönes schönen gewonnen
        persönlichkeit kultur atmosphäre umfeld tätigkeit tätigkeiten herausforderung herausforderungen
        werte vision mission erfolg wachstum entwicklung weiterentwicklung perspektive
        perspektiven aufgabenbereich aufgabengebiet stellenbeschreibung bewerbungsgespräch
        vorhin soeben eben neulich gewinnen wünsche wünschen weiß schätzen lieben alles erfolg kennenzulernen kennengelernt du dich dir dein deine euch
        donnerstag freitag samstag sonntag januar februar märz april mai juni juli august
        september oktober november dezember letzte letzten vergangene vergangenen
        """
    ),
}
_ROLE_NOUNS = {
    "en": frozenset({"position", "role", "job", "opening", "team", "department", "opportunity"}),
    "de": frozenset({"stelle", "position", "rolle", "team", "abteilung", "job"}),
}
_SLOT_PREPS = {
    "en": frozenset({"at", "with", "join", "for", "to"}),
    "de": frozenset({"bei", "als", "für", "zu", "mit"}),
}
_PUNCT_STRIP = re.compile(r"[^\w\s'-]")


@lru_cache(maxsize=4)
def _stop_words(lang: str) -> frozenset[str]:
    if lang == "de":
        from spacy.lang.de.stop_words import STOP_WORDS as de_stop

        return frozenset(de_stop)
    from spacy.lang.en.stop_words import STOP_WORDS as en_stop

    return frozenset(en_stop)


# -- the catalog --------------------------------------------------------------------------------


class AnchoredMatcher:
    """One spaCy Matcher per pattern, run only when every required word of it is in the doc.

    A single Matcher with ~180 patterns (many with ``IN`` sets for German inflections) costs a
    few milliseconds per note; almost all of them cannot match because a required word is
    absent. An inverted check on the doc's lemma set skips those.
    """

    def __init__(self, lang: str, patterns: Sequence[list[dict[str, Any]]]) -> None:
        from spacy.matcher import Matcher

        vocab = get_nlp(lang).vocab
        self._lock = threading.Lock()
        self._matchers: list[Any] = []
        self._needs: list[list[tuple[str, frozenset[str]]]] = []
        # the same needs as string hashes: the doc's NORM/LOWER sets are read with to_array
        self._need_hashes: list[list[tuple[str, frozenset[int]]]] = []
        for pattern in patterns:
            m = Matcher(vocab)
            m.add("p", [pattern])
            self._matchers.append(m)
            needs: list[tuple[str, frozenset[str]]] = []
            for tok in pattern:
                if "OP" in tok:
                    continue
                for key in ("NORM", "LOWER"):
                    if key in tok:
                        val = tok[key]
                        vals = val["IN"] if isinstance(val, dict) else [val]
                        needs.append((key, frozenset(vals)))
            self._needs.append(needs)
            self._need_hashes.append(
                [(key, frozenset(vocab.strings.add(v) for v in vals)) for key, vals in needs]
            )
        self._spaces = [_TokenSpace.of(pattern, vocab) for pattern in patterns]
        # patterns by a hash of their first required word (NORM or LOWER), so that a doc
        # visits only the patterns whose first need it can meet
        self._by_first: dict[str, dict[int, list[int]]] = {"NORM": {}, "LOWER": {}}
        self._no_needs: list[int] = []
        for i, needs_h in enumerate(self._need_hashes):
            if not needs_h:
                self._no_needs.append(i)
                continue
            key, vals = needs_h[0]
            for h in vals:
                self._by_first[key].setdefault(h, []).append(i)
        # each distinct need (key, hashes) numbered; a pattern is a candidate when the doc meets
        # all of its needs (a subset test on the numbers of the needs the doc meets)
        need_ids: dict[tuple[str, frozenset[int]], int] = {}
        self._need_ids: list[frozenset[int]] = [
            frozenset(need_ids.setdefault(need, len(need_ids)) for need in needs_h)
            for needs_h in self._need_hashes
        ]
        self._needs_by_hash: dict[str, dict[int, list[int]]] = {"NORM": {}, "LOWER": {}}
        for (key, vals), nid in need_ids.items():
            for h in vals:
                self._needs_by_hash[key].setdefault(h, []).append(nid)

    def find(self, doc: Doc, index: _DocIndex | None = None) -> list[tuple[int, int, int]]:
        """Longest non-overlapping (pattern index, start, end) matches in document order
        (``index``: the doc's, when the caller has built it)."""
        if index is None:
            index = _DocIndex(doc)
        # the hashes of the tokens' norm_ and lower_ strings (no Token object per token)
        norms = set(index.cols["NORM"])
        lowers = set(index.cols["LOWER"])
        met: set[int] = set()  # the numbers of the needs the doc meets
        candidates = set(self._no_needs)
        for present, by_hash, needs_by_hash in (
            (norms, self._by_first["NORM"], self._needs_by_hash["NORM"]),
            (lowers, self._by_first["LOWER"], self._needs_by_hash["LOWER"]),
        ):
            for h in present.intersection(by_hash):
                candidates.update(by_hash[h])
            for h in present.intersection(needs_by_hash):
                met.update(needs_by_hash[h])
        found: list[tuple[int, int, int]] = []
        need_ids = self._need_ids
        with self._lock:
            for i in sorted(candidates):  # in pattern order, as before
                if need_ids[i] <= met:
                    space = self._spaces[i]
                    if space is None:
                        found.extend((i, start, end) for _, start, end in self._matchers[i](doc))
                        continue
                    # only the runs of tokens that can match some token of the pattern can
                    # hold a match (the patterns' predicates look at one token each); a
                    # Matcher call on the whole doc costs a Token object per token
                    for a, b in space.runs(index, self._need_hashes[i]):
                        found.extend(
                            (i, start + a, end + a) for _, start, end in self._matchers[i](doc[a:b])
                        )
        found.sort(key=lambda m: (m[1] - m[2], m[1]))  # longest first
        taken: set[int] = set()
        out: list[tuple[int, int, int]] = []
        for i, start, end in found:
            if not taken.intersection(range(start, end)):
                taken.update(range(start, end))
                out.append((i, start, end))
        return sorted(out, key=lambda m: m[1])


class _DocIndex:
    """Where each NORM / LOWER hash, the space tokens and regex matches occur in a doc
    (each table built on first use)."""

    def __init__(
        self, doc: Doc, columns: tuple[list[int], list[int], list[int], list[bool]] | None = None
    ) -> None:
        """``columns``: the doc's NORM, LOWER and ORTH hashes and IS_SPACE flags, when read."""
        from spacy.attrs import IS_SPACE, LOWER, NORM, ORTH

        self.doc = doc
        if columns is None:
            if len(doc):
                norm, lower, orth, space = doc.to_array([NORM, LOWER, ORTH, IS_SPACE]).T.tolist()
            else:
                norm, lower, orth, space = [], [], [], []
        else:
            norm, lower, orth, space = columns
        self.cols = {"NORM": norm, "LOWER": lower}
        self.orth: list[int] = orth
        self.space = [i for i, sp in enumerate(space) if sp]
        self.pos: dict[str, dict[int, list[int]]] = {}
        self._regex: dict[str, list[int]] = {}
        self._found: dict[tuple[str, frozenset[int]], list[int]] = {}
        self._filler: dict[tuple[tuple[str, ...], bool], list[bool]] = {}

    def positions(self, key: str, values: frozenset[int]) -> list[int]:
        """The tokens whose NORM / LOWER hash is one of ``values``, ascending (memoized)."""
        found = self._found.get((key, values))
        if found is not None:
            return found
        by_hash = self.pos.get(key)
        if by_hash is None:
            by_hash = self.pos[key] = {}
            for i, h in enumerate(self.cols[key]):
                by_hash.setdefault(h, []).append(i)
        if len(values) < len(by_hash):
            hits = [by_hash[h] for h in values if h in by_hash]
        else:
            hits = [ps for h, ps in by_hash.items() if h in values]
        found = sorted(i for ps in hits for i in ps)
        self._found[(key, values)] = found
        return found

    def filler(self, regexes: tuple[str, ...], space: bool) -> list[bool]:
        """Per token: whether one of the regexes accepts it, or (``space``) it is a space."""
        flags = self._filler.get((regexes, space))
        if flags is None:
            flags = [False] * len(self.orth)
            for i in self.space if space else ():
                flags[i] = True
            for rx in regexes:
                for i in self.regex_positions(rx):
                    flags[i] = True
            self._filler[(regexes, space)] = flags
        return flags

    def regex_positions(self, pattern: str) -> list[int]:
        """Tokens whose text the REGEX predicate accepts (re.search, as spaCy's Matcher)."""
        found = self._regex.get(pattern)
        if found is None:
            known = _REGEX_HITS.setdefault(pattern, {})  # by ORTH hash, across docs
            if len(known) > _LEXEMES_MAX:
                known.clear()
            rx = re.compile(pattern)
            strings = self.doc.vocab.strings
            hits: set[int] = set()
            for h in set(self.orth):
                hit = known.get(h)
                if hit is None:
                    hit = known[h] = rx.search(strings[h]) is not None
                if hit:
                    hits.add(h)
            found = self._regex[pattern] = [i for i, h in enumerate(self.orth) if h in hits]
        return found


_REGEX_HITS: dict[str, dict[int, bool]] = {}


class _TokenSpace:
    """Which tokens can match some token of a pattern, or None (`of`) when any token can.

    Handles the token specs that notelint's pattern compiler writes (NORM / LOWER values or
    ``IN`` sets, the ORTH ``REGEX`` for punctuation, ``IS_SPACE: true``) with the operators
    ``?``, ``*`` and ``+``; any other spec or operator makes the pattern match anywhere.
    """

    def __init__(
        self,
        values: dict[str, frozenset[int]],
        regexes: tuple[str, ...],
        space: bool,
        min_len: int,
        gap: int,
    ) -> None:
        self.values = values  # "NORM"/"LOWER" -> hashes
        self.regexes = regexes
        self.space = space
        self.min_len = min_len
        self.gap = gap  # arbitrary tokens a match may hold ("..." and "*" in a pattern)

    @classmethod
    def of(cls, pattern: list[dict[str, Any]], vocab: Any) -> _TokenSpace | None:
        values: dict[str, set[int]] = {"NORM": set(), "LOWER": set()}
        regexes: set[str] = set()
        space = False
        min_len = 0
        gap = 0
        for tok in pattern:
            op = tok.get("OP")
            if op not in (None, "?", "*", "+"):
                return None
            if op in (None, "+"):
                min_len += 1
            keys = [k for k in tok if k != "OP"]
            if not keys or (keys == ["IS_SPACE"] and tok["IS_SPACE"] is False):
                # any (non-space) token: at most one per such spec
                if op not in (None, "?"):
                    return None
                gap += 1
                continue
            if len(keys) != 1:
                return None  # a combination
            key = keys[0]
            val = tok[key]
            if key in ("NORM", "LOWER"):
                if isinstance(val, dict):
                    if list(val) != ["IN"]:
                        return None
                    vals = val["IN"]
                elif isinstance(val, str):
                    vals = [val]
                else:
                    return None
                values[key].update(vocab.strings.add(v) for v in vals)
            elif key == "ORTH" and isinstance(val, dict) and list(val) == ["REGEX"]:
                regexes.add(val["REGEX"])
            elif key == "IS_SPACE" and val is True:
                space = True
            else:
                return None
        hashes = {k: frozenset(v) for k, v in values.items() if v}
        return cls(hashes, tuple(sorted(regexes)), space, max(min_len, 1), gap)

    def runs(
        self, index: _DocIndex, needs: list[tuple[str, frozenset[int]]]
    ) -> list[tuple[int, int]]:
        """Maximal runs [a, b) of tokens that can match, long enough and holding every need."""
        if not needs:
            return self._all_runs(index, needs)
        # every such run holds a position of each need: grow the runs from those of the
        # rarest need in this doc
        need_pos = [index.positions(key, vals) for key, vals in needs]
        seeds = min(need_pos, key=len)
        if not seeds:
            return []
        filler = index.filler(self.regexes, self.space)
        # a token can match when it is filler or has one of the pattern's NORM / LOWER values
        norm_col, lower_col = index.cols["NORM"], index.cols["LOWER"]
        norm_vals = self.values.get("NORM", frozenset())
        lower_vals = self.values.get("LOWER", frozenset())
        gap = self.gap
        n = len(index.doc)
        out: list[tuple[int, int]] = []
        done = -1  # the last token of the run found last
        for seed in seeds:
            if seed <= done:
                continue
            a = b = seed
            grown = True
            while grown:  # leftwards: the first token of the run
                grown = False
                for k in range(max(a - gap - 1, 0), a):
                    if filler[k] or norm_col[k] in norm_vals or lower_col[k] in lower_vals:
                        a, grown = k, True
                        break
            grown = True
            while grown:  # rightwards: its last token
                grown = False
                for k in range(min(b + gap + 1, n - 1), b, -1):
                    if filler[k] or norm_col[k] in norm_vals or lower_col[k] in lower_vals:
                        b, grown = k, True
                        break
            done = b
            lo, hi = max(a - gap, 0), min(b + 1 + gap, n)
            if hi - lo >= self.min_len and all(_any_in(p, lo, hi) for p in need_pos):
                out.append((lo, hi))
        return out

    def _all_runs(
        self, index: _DocIndex, needs: list[tuple[str, frozenset[int]]]
    ) -> list[tuple[int, int]]:
        pos: set[int] = set()
        for key, vals in self.values.items():
            pos.update(index.positions(key, vals))
        if self.space:
            pos.update(index.space)
        for rx in self.regexes:
            pos.update(index.regex_positions(rx))
        if not pos:
            return []
        # runs of such tokens, joined over at most `gap` other tokens and widened by `gap` on
        # both sides: a match holds at most `gap` tokens outside the runs
        gap = self.gap
        n = len(index.doc)
        runs: list[tuple[int, int]] = []
        ordered = sorted(pos)
        a = prev = ordered[0]
        for i in ordered[1:]:
            if i - prev - 1 > gap:
                runs.append((max(a - gap, 0), min(prev + 1 + gap, n)))
                a = i
            prev = i
        runs.append((max(a - gap, 0), min(prev + 1 + gap, n)))
        need_pos = [index.positions(key, vals) for key, vals in needs]
        return [
            (a, b)
            for a, b in runs
            if b - a >= self.min_len and all(_any_in(p, a, b) for p in need_pos)
        ]


def _any_in(ordered: list[int], a: int, b: int) -> bool:
    """Whether the sorted list has a value in [a, b)."""
    j = bisect.bisect_left(ordered, a)
    return j < len(ordered) and ordered[j] < b


@dataclass
class Catalog:
    """A language's compiled phrase catalog: matcher, fuzzy strings and its vocabulary."""

    lang: str
    entries: list[CatalogEntry]
    matcher: AnchoredMatcher
    fuzzy_strings: list[str]  # lemma strings of the entries' word combinations
    fuzzy_index: list[int]  # entry index of each
    fuzzy_long: list[tuple[frozenset[str], ...]]  # required word slots (3+): all present
    fuzzy_long_index: list[int]
    generic: frozenset[str]
    words: list[frozenset[str]]  # each entry's lemmas (all alternatives)
    plain_thanks: CatalogEntry  # stands in for a thank-you sentence no entry matches
    _long_by_word: dict[str, list[int]] | None = field(default=None, repr=False)
    # _fuzzy's result by a sentence's lemmas (notes repeat the same stock sentences)
    fuzzy_cache: dict[tuple[str, ...], int | None] = field(default_factory=dict, repr=False)
    # _generic_compound's result by lowercase word (German)
    compound_cache: dict[str, bool] = field(default_factory=dict, repr=False)

    def long_candidates(self, words: set[str]) -> list[int]:
        """Indices k of fuzzy_long whose first slot shares a word with ``words``, ascending
        (the others cannot have all their slots present)."""
        index = self._long_by_word
        if index is None:
            index = {}
            for k, need in enumerate(self.fuzzy_long):
                for w in need[0] if need else ("",):
                    index.setdefault(w, []).append(k)
            self._long_by_word = index
        found = {k for w in words if w in index for k in index[w]}
        found.update(index.get("", ()))  # an entry without slots (none today)
        return sorted(found)

    def covers(self, index: int, norm: str, lower: str) -> bool:
        """Whether a token (its norm and lowercase form) is one of the entry's words (an
        unknown plural or -ing form too)."""
        words = self.words[index]
        if norm in words or lower in words:
            return True
        return any(len(w) >= 4 and lower.startswith(w) for w in words)


def _pattern_words(pattern: str) -> list[tuple[list[str], bool]]:
    """Each word slot of a pattern as (alternatives, optional), markers stripped."""
    out: list[tuple[list[str], bool]] = []
    for raw in pattern.split():
        if raw in ("...", "*"):
            continue
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        word = word[1:] if word.startswith("=") and len(word) > 1 else word
        alts = [a for a in word.split("|") if a]
        if alts:
            out.append((alts, optional))
    return out


_DE_ENDINGS = ("", "e", "en", "em", "er", "es")


def expand_pattern(lang: str, pattern: str) -> str:
    """German: every plain word also matches its inflected forms (schön -> schöne, schönen, ...).

    The lookup lemmatizer knows only some forms ("nette" stays "nette", "eine" -> "einen", "einen"
    -> "ein"), so an adjective or article in a pattern would otherwise miss most of its forms.
    """
    if lang != "de":
        return pattern
    out: list[str] = []
    for raw in pattern.split():
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        if raw in ("...", "*") or word.startswith("="):
            out.append(raw)
            continue
        forms: list[str] = []
        for alt in word.split("|"):
            if not alt.isalpha():
                forms.append(alt)
                continue
            stems = {alt, alt[:-1]} if alt.endswith("e") and len(alt) > 3 else {alt}
            forms.extend(f"{st}{end}" for st in sorted(stems) for end in _DE_ENDINGS)
        uniq = list(dict.fromkeys(forms))
        out.append("|".join(uniq) + ("?" if optional else ""))
    return " ".join(out)


def _source_of(env: RuleEnv, entry: CatalogEntry) -> str:
    for f in env.packs.files:
        if f.rule == CATALOG_RULE and any(x.pattern == entry.pattern for x in f.entries):
            return f.source
    return "rule pack"


def build_catalog(env: RuleEnv, lang: str) -> Catalog:
    """Compile and validate the generic-phrase catalog; ConfigError naming the file if bad."""
    entries: list[CatalogEntry] = []
    for e in env.catalog(CATALOG_RULE, lang):
        kind = KIND_ALIASES.get(e.kind or "filler", e.kind or "filler")
        if kind not in KINDS:
            raise ConfigError(
                "C005",
                path=_source_of(env, e),
                detail=f"generic-phrase entry {e.pattern!r}: kind must be one of "
                f"{', '.join(sorted(KINDS))}, not {e.kind!r}",
            )
        why, instead = DEFAULT_TEXTS[lang][kind]
        entries.append(
            e.model_copy(
                update={"kind": kind, "why": e.why or why, "instead": e.instead or instead}
            )
        )
    compiled: list[list[dict[str, Any]]] = []
    for e in entries:
        try:
            compiled.append(compile_pattern(lang, expand_pattern(lang, e.pattern))[0])
        except ValueError as exc:
            raise ConfigError(
                "C005", path=_source_of(env, e), detail=f"bad pattern {e.pattern!r}: {exc}"
            ) from None
    matcher = AnchoredMatcher(lang, compiled)
    nlp = get_nlp(lang)
    vocab: set[str] = set()
    strings: list[str] = []
    index: list[int] = []
    entry_words: list[frozenset[str]] = []
    stop = _stop_words(lang)
    long: list[tuple[tuple[frozenset[str], ...], int]] = []
    for i, e in enumerate(entries):
        slots: list[list[str]] = []
        required: list[frozenset[str]] = []
        for alts, optional in _pattern_words(e.pattern):
            forms = [" ".join(t.norm_ for t in nlp(alt) if not t.is_punct) for alt in alts]
            for f in forms:
                vocab.update(f.split())
            slots.append([f for f in forms if f])
            if not optional:
                required.append(frozenset(w for f in forms for w in f.split()))
        if len(required) >= 3 and any(not (r & stop) for r in required):
            long.append((tuple(required), i))
        entry_words.append(frozenset(w for forms in slots for f in forms for w in f.split()))
        seen: set[str] = set()
        for combo in islice(product(*slots), MAX_FUZZY_FORMS):
            text = " ".join(w for w in combo if w)
            if text.count(" ") >= 2 and text not in seen:
                seen.add(text)
                strings.append(text)
                index.append(i)
    strings = [" ".join(sorted(t.split())) for t in strings]
    long.sort(key=lambda item: -len(item[0]))  # the most specific entry first
    base = GENERIC[lang] | _stop_words(lang)
    lemmas = {t.norm_ for t in nlp(" ".join(sorted(base))) if t.is_alpha}
    generic = frozenset(vocab | base | lemmas)
    return Catalog(
        lang,
        entries,
        matcher,
        strings,
        index,
        [t for t, _ in long],
        [i for _, i in long],
        generic,
        entry_words,
        CatalogEntry(
            pattern="thank",
            kind="thanks",
            why=DEFAULT_TEXTS[lang]["thanks"][0],
            instead=DEFAULT_TEXTS[lang]["thanks"][1],
        ),
    )


_BUILT: dict[tuple[str, tuple[tuple[str | None, ...], ...]], Catalog] = {}
_BUILT_LOCK = threading.Lock()


def catalog_for(env: RuleEnv, lang: str) -> Catalog:
    """The compiled catalog: per environment, and shared across environments with equal entries."""

    def build() -> Catalog:
        key = (
            lang,
            tuple((e.pattern, e.kind, e.why, e.instead) for e in env.catalog(CATALOG_RULE, lang)),
        )
        with _BUILT_LOCK:
            cat = _BUILT.get(key)
            if cat is None:
                cat = build_catalog(env, lang)
                if len(_BUILT) > 16:
                    _BUILT.clear()
                _BUILT[key] = cat
            return cat

    cat: Catalog = env.cached(("canned-catalog", lang), build)
    return cat


# -- the analysis -------------------------------------------------------------------------------


@dataclass
class Sentence:
    span: Span
    entry: CatalogEntry | None = None
    how: str = ""  # "lemma" or "fuzzy"
    specific: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # kinds of every catalog match in it
    canned: bool = False
    thanks: bool = False


@dataclass
class Analysis:
    sentences: list[Sentence]


def body_region(note: Note) -> tuple[int, int]:
    """[start, end) of the prose between the salutation and the sign-off (body offsets)."""
    text = note.prose
    lang = note.lang
    start = len(text) - len(text.lstrip())
    subject = _SUBJECT.match(text, start)
    if subject:
        start = subject.end()
        start += len(text[start:]) - len(text[start:].lstrip())
    m = _SALUTATION[lang].match(text, start)
    if m and (m.group().rstrip()[-1:] in ",!:" or text[m.end() : m.end() + 1] in ("\n", "")):
        start = m.end()
    end = len(text)
    # the sign-off: the first line among the last eight non-empty lines that is a closing formula
    lines = [(lm.start(), lm.group()) for lm in re.finditer(r"[^\n]+", text) if lm.group().strip()]
    for pos, line in lines[-8:]:
        if pos >= start and _SIGNOFF[lang].fullmatch(line):
            end = pos
            break
    else:
        # no closing formula: a last line that is only a name ("Alex", "– Jordan Lee")
        if len(lines) > 1 and lines[-1][0] > start and _NAME_LINE.fullmatch(lines[-1][1]):
            end = lines[-1][0]
    return start, max(start, end)


# per language: a lexeme's (text, lowercase form, is_alpha, is_space, is_punct, like_num) by
# its ORTH hash, and strings by hash (all of them fixed for a lexeme of a vocab)
_LEXEMES: dict[str, dict[int, tuple[str, str, bool, bool, bool, bool]]] = {}
_STRINGS: dict[int, str] = {}
_LEXEMES_MAX = 200_000


class _Tokens:
    """A doc's token columns, read once per note with ``Doc.to_array`` (no Token objects):
    text, lowercase form, norm (lowercased lemma), flags and character offsets."""

    __slots__ = (
        "alpha",
        "hashes",
        "idx",
        "lang",
        "lower",
        "norm",
        "num",
        "punct",
        "space",
        "text",
    )

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import LOWER, NORM, ORTH, SPACY

        self.lang: str = doc.lang_
        self.text: list[str] = []
        self.lower: list[str] = []
        self.norm: list[str] = []
        self.alpha: list[bool] = []
        self.space: list[bool] = []
        self.punct: list[bool] = []
        self.num: list[bool] = []
        self.idx: list[int] = []
        self.hashes: tuple[list[int], list[int], list[int]] = ([], [], [])  # NORM, LOWER, ORTH
        if not len(doc):
            return
        orth, norm, lower_h, trailing = doc.to_array([ORTH, NORM, LOWER, SPACY]).T.tolist()
        lexemes = _LEXEMES.setdefault(self.lang, {})
        strings = _STRINGS
        if len(lexemes) > _LEXEMES_MAX or len(strings) > _LEXEMES_MAX:
            lexemes.clear()
            strings.clear()
        vocab = doc.vocab
        rows = []
        for h in orth:
            row = lexemes.get(h)
            if row is None:
                lex = vocab[h]
                row = (
                    lex.orth_,
                    lex.lower_,
                    lex.is_alpha,
                    lex.is_space,
                    lex.is_punct,
                    lex.like_num,
                )
                lexemes[h] = row
            rows.append(row)
        text, lower, alpha, space, punct, num = zip(*rows, strict=True)
        self.text, self.lower, self.alpha = list(text), list(lower), list(alpha)
        self.space, self.punct, self.num = list(space), list(punct), list(num)
        norms: list[str] = []
        for h in norm:
            word = strings.get(h)
            if word is None:
                word = strings[h] = vocab.strings[h]
            norms.append(word)
        self.norm = norms
        self.hashes = (norm, lower_h, orth)
        # token.idx: the tokens and their trailing spaces make up the doc's text
        idx = self.idx
        pos = 0
        for word, ws in zip(self.text, trailing, strict=True):
            idx.append(pos)
            pos += len(word) + (1 if ws else 0)


def _sentence_spans(doc: Doc, toks: _Tokens, lo: int, hi: int) -> list[Span]:
    out: list[Span] = []
    text, idx, space, alpha = toks.text, toks.idx, toks.space, toks.alpha
    for sent in doc.sents:
        a, b = sent.start, sent.end
        if idx[b - 1] + len(text[b - 1]) <= lo or idx[a] >= hi:
            continue
        if idx[a] >= lo and idx[b - 1] + len(text[b - 1]) <= hi:
            inside = list(range(a, b))  # offsets grow token by token: all of it is inside
        else:
            inside = [i for i in range(a, b) if idx[i] >= lo and idx[i] + len(text[i]) <= hi]
        if not inside:
            continue
        run: list[int] = []
        for t in [*inside, None]:
            if (
                t is None
                or (space[t] and "\n\n" in text[t].replace(" ", ""))
                or (run and text[t][:1].isupper() and _starts(toks, t, run))
            ):
                core = [x for x in run if not space[x]]
                if any(alpha[x] for x in core):
                    out.append(doc[core[0] : core[-1] + 1])
                run = [] if t is None or space[t] else [t]
            else:
                run.append(t)
    return out


_TITLES = _wordset("mr mrs ms dr prof st hr fr nr vs ca bzw z.b u.a e.g i.e no jr sr dipl ing mag")


def _starts(toks: _Tokens, t: int, run: list[int]) -> bool:
    """A sentence start the sentencizer missed after an abbreviation ("Acme Corp. It was")."""
    if not run or not toks.text[t][:1].isupper():
        return False
    prev = toks.text[run[-1]]
    if not prev.endswith(".") or len(prev) < 3:
        return False
    if prev[:-1].lower() in _TITLES:
        return False
    low = toks.lower[t]
    return low in _stop_words(toks.lang) or low in THANKS.get(toks.lang, ())


def _context_words(note: Note) -> set[str]:
    ctx = note.context
    names: list[str] = [*ctx.interviewers, *ctx.company_aliases]
    for v in (ctx.recipient, ctx.sender, ctx.company, ctx.role):
        if v:
            names.append(v)
    words: set[str] = set()
    for n in names:
        words.update(w.lower() for w in re.findall(r"\w+", n))
    return words


def _slot_tokens(toks: _Tokens, sent: Span, lang: str) -> set[int]:
    """Token indices of capitalised runs that fill a template slot: before a role noun
    ("the Data Analyst position") or after at/with/bei at the end of the sentence."""
    out: set[int] = set()
    text, norm = toks.text, toks.norm
    ids = [i for i in range(sent.start, sent.end) if not toks.space[i]]
    role_nouns, slot_preps = _ROLE_NOUNS[lang], _SLOT_PREPS[lang]
    i = 0
    while i < len(ids):
        t = ids[i]
        if toks.alpha[t] and text[t][:1].isupper() and i > 0:
            j = i
            while j < len(ids) and (
                (text[ids[j]][:1].isupper() and text[ids[j]].rstrip(".").isalpha())
                or text[ids[j]] in ("&", "-")
            ):
                j += 1
            nxt = ids[j] if j < len(ids) else None
            prev = ids[i - 1]
            before_role = nxt is not None and norm[nxt] in role_nouns
            at_end = norm[prev] in slot_preps and (nxt is None or toks.punct[nxt])
            if before_role or at_end:
                out.update(ids[i:j])
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _specific_words(
    toks: _Tokens, sent: Span, covered: set[int], specific: list[bool], lang: str
) -> list[str]:
    """The words of a sentence outside the match, the slots and the generic vocabulary
    (``specific``: per token of the note, from :func:`_specific_tokens`)."""
    slots = _slot_tokens(toks, sent, lang)
    text = toks.text
    return [
        text[i]
        for i in range(sent.start, sent.end)
        if specific[i] and i not in covered and i not in slots
    ]


def _specific_tokens(toks: _Tokens, cat: Catalog, ctx_words: set[str], lang: str) -> list[bool]:
    """Per token of the note: a number, or a word that is neither generic nor a context name."""
    generic = cat.generic
    compounds = cat.compound_cache
    out: list[bool] = []
    for text, norm, alpha, num in zip(toks.text, toks.norm, toks.alpha, toks.num, strict=True):
        # an alphabetic token holds no digit
        digit = not alpha and any(c.isdigit() for c in text)
        if not (alpha or num or digit):
            out.append(False)  # not a word
            continue
        if num or digit:
            out.append(True)
            continue
        low = text.lower()
        if low in ctx_words or len(low) < 2 or norm in generic or low in generic:
            out.append(False)
            continue
        if lang == "de":
            compound = compounds.get(low)
            if compound is None:
                if len(compounds) > 65536:
                    compounds.clear()
                compound = compounds[low] = _generic_compound(low, generic)
            if compound:
                out.append(False)
                continue
        out.append(True)
    return out


def _generic_compound(word: str, generic: frozenset[str]) -> bool:
    """A German compound of two generic words ("Unternehmenskultur", "Gesprächsatmosphäre")."""
    for i in range(3, len(word) - 3):
        head, tail = word[:i], word[i:]
        if (
            tail in generic
            and len(tail) >= 4
            and (head in generic or (head.endswith("s") and head[:-1] in generic))
        ):
            return True
    return False


def _fuzzy(toks: _Tokens, sent: Span, cat: Catalog) -> int | None:
    """The best catalog entry for a sentence by token_sort_ratio (strings kept pre-sorted, so a
    plain ratio is the same score), else an entry whose 3+ required words all occur in it."""
    norms = tuple(toks.norm[i] for i in range(sent.start, sent.end) if toks.alpha[i])
    if len(norms) < 3:
        return None
    cache = cat.fuzzy_cache
    try:
        return cache[norms]
    except KeyError:
        pass
    found = _fuzzy_norms(norms, cat)
    if len(cache) > 4096:
        cache.clear()
    cache[norms] = found
    return found


def _fuzzy_norms(norms: Sequence[str], cat: Catalog) -> int | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(
        " ".join(sorted(norms)),
        cat.fuzzy_strings,
        scorer=fuzz.ratio,
        score_cutoff=FUZZY_SORT_CUTOFF,
    )
    if best is not None:
        return cat.fuzzy_index[best[2]]
    words = set(norms)
    if len(words) > 2 * MAX_SET_WORDS:
        return None
    for k in cat.long_candidates(words):
        if all(slot & words for slot in cat.fuzzy_long[k]):
            return cat.fuzzy_long_index[k]
    return None


_CACHE: weakref.WeakKeyDictionary[Note, dict[int, Analysis]] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def analyse(note: Note, env: RuleEnv) -> Analysis:
    """The per-sentence judgement shared by generic-phrase and thanks-only (cached per note)."""
    cat = catalog_for(env, note.lang)
    with _CACHE_LOCK:
        hit = _CACHE.get(note, {}).get(id(cat))
    if hit is not None:
        return hit
    lang = note.lang
    lo, hi = body_region(note)
    doc = note.doc
    toks = _Tokens(doc)
    spans = _sentence_spans(doc, toks, lo, hi)
    matches = cat.matcher.find(doc, _DocIndex(doc, (*toks.hashes, toks.space)))
    specific = _specific_tokens(toks, cat, _context_words(note), lang)
    thanks_words = THANKS[lang]
    out: list[Sentence] = []
    for span in spans:
        s = Sentence(span)
        inside = [m for m in matches if m[1] >= span.start and m[2] <= span.end]
        covered: set[int] = set()
        for _, start, end in inside:
            covered.update(range(start, end))
        if inside:
            best = max(inside, key=lambda m: m[2] - m[1])
            s.entry, s.how = cat.entries[best[0]], "lemma"
            s.kinds = {cat.entries[i].kind or "" for i, _, _ in inside}
        else:
            found = _fuzzy(toks, span, cat)
            if found is not None:
                s.entry, s.how = cat.entries[found], "fuzzy"
                s.kinds = {s.entry.kind or ""}
                covered = {
                    i
                    for i in range(span.start, span.end)
                    if cat.covers(found, toks.norm[i], toks.lower[i])
                }
        s.specific = _specific_words(toks, span, covered, specific, lang)
        s.thanks = any(
            toks.norm[i] in thanks_words or toks.lower[i] in thanks_words
            for i in range(span.start, span.end)
        ) or (s.entry is not None and s.entry.kind == "thanks")
        if s.entry is None and s.thanks and not s.specific:
            s.entry, s.how = cat.plain_thanks, "thanks"  # a thank-you that names nothing
            s.kinds = {"thanks"}
        s.canned = s.entry is not None and not s.specific
        out.append(s)
    analysis = Analysis(out)
    with _CACHE_LOCK:
        _CACHE.setdefault(note, {})[id(cat)] = analysis
    return analysis


# -- the rules ----------------------------------------------------------------------------------


class GenericPhraseOptions(RuleOptions):
    share: float = Field(
        0.5, ge=0.0, le=1.0, description="share of canned sentences that makes a warning"
    )
    min_canned: int = Field(
        2, ge=1, description="canned sentences (besides one thank-you) needed for a warning"
    )


class GenericPhraseRule(Rule):
    """Boilerplate any candidate could send to any company.

    What it does:
        Judges each sentence between the salutation and the sign-off against a catalog of
        canned follow-up phrasing (openers, fillers, closers, hedges, stock enthusiasm,
        thanks; rules/<lang>/generic-phrase.yaml). Matching is on lemmas, so inflections and
        contractions match, plus fuzzy matching of the whole sentence for reordered words and
        small paraphrases. A sentence is canned only when the rest of it says nothing specific
        (no names, numbers or content words outside the generic vocabulary).
        One polite thank-you is normal: the first thanks sentence gets no finding, and one
        canned thank-you does not count towards the share. Every other canned sentence is an
        info finding with why it reads as canned and what to write instead. When at least
        `share` (default 0.5) of the other sentences are canned, and at least `min-canned`
        (default 2) of them, one warning marks the note as dominated by boilerplate (a
        configured `severity` applies to that finding; the per-sentence findings stay info).

    Why it matters:
        Recruiters recognise canned notes at once, and interviewers compare the notes they
        got. A sentence any candidate could send to any company tells them nothing about you.

    Example:
        I am writing to thank you for the opportunity to interview. It was a pleasure speaking
        with you. Please do not hesitate to contact me. I look forward to hearing from you.

    Better:
        Thank you for walking me through the depot in Rotterdam. The way your planners re-route
        trucks when a ferry is cancelled is exactly the problem I want to work on.
    """

    id = "generic-phrase"
    severity = Severity.info
    Options: ClassVar[type[RuleOptions]] = GenericPhraseOptions

    def check(self, note: Note) -> Iterable[Finding]:
        opts = self.options
        assert isinstance(opts, GenericPhraseOptions)
        sents = analyse(note, self.env).sentences
        # One polite thank-you is normal. The note's first thanks sentence gets no finding;
        # one canned thank-you (wherever it stands) does not count towards the share.
        first_thanks = next((s for s in sents if s.thanks), None)
        polite = next((s for s in sents if s.thanks and s.canned), None)
        for s in sents:
            if s.canned and s is not first_thanks:
                yield self._info(note, s)
        others = [s for s in sents if s is not polite]
        canned = [s for s in others if s.canned]
        if not others or len(canned) < opts.min_canned:
            return
        if len(canned) / len(others) < opts.share:
            return
        first = canned[0].span
        start, end = note.span_of(first)
        extra = " besides one thank-you" if polite is not None else ""
        yield self.finding(
            note,
            start,
            end,
            f"{len(canned)} of {len(others)} {'sentence' if len(others) == 1 else 'sentences'}"
            f"{extra} {'is' if len(canned) == 1 else 'are'} boilerplate any candidate could "
            "send; replace most of them with something specific from the conversation.",
            suggestions=[s.entry.instead for s in canned[:3] if s.entry and s.entry.instead],
            severity=self.level if self.level != Severity.info else Severity.warning,
        )

    def _info(self, note: Note, s: Sentence) -> Finding:
        assert s.entry is not None
        start, end = note.span_of(s.span)
        kind = (s.entry.kind or "phrase").replace("-", " ")
        return self.finding(
            note,
            start,
            end,
            f"Canned {kind}: {s.entry.why}",
            suggestions=[s.entry.instead] if s.entry.instead else [],
            severity=Severity.info,
        )


class ThanksOnlyRule(Rule):
    """The note says nothing beyond thanks and a sign-off.

    What it does:
        Looks at the sentences between the salutation and the sign-off. When every one of them
        is a thank-you, a pleasantry or a generic closer (the generic-phrase catalog plus a
        thanks lexicon) and none carries anything specific (a name, a number, a content word
        outside the generic vocabulary), the note is thanks-only. A short note with one
        specific sentence passes.

    Why it matters:
        A note that only thanks the interviewer for their time does little: it shows neither
        that you listened nor why you want the job. Recruiters read it as a formality.

    Example:
        Thank you for your time today. I appreciate the opportunity and look forward to
        hearing from you.

    Better:
        Thank you for your time today. Your story about rebuilding the returns process after
        the Black Friday backlog made me want to work on that team even more.
    """

    id = "thanks-only"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        sents = analyse(note, self.env).sentences
        if not sents or not any(s.thanks for s in sents):
            return
        if not all(_empty(s) for s in sents):
            return
        start, _ = note.span_of(sents[0].span)
        _, end = note.span_of(sents[-1].span)
        yield self.finding(
            note,
            start,
            end,
            "The note only thanks and signs off; add something specific from the conversation "
            "(a project, a question, something the interviewer said) and why you want the role.",
            suggestions=_suggest(sents),
        )


def _empty(s: Sentence) -> bool:
    """A thank-you, pleasantry or generic closer with nothing specific in it."""
    if s.canned:
        return "hedge" not in s.kinds  # a claim about oneself is more than thanks
    if s.specific:
        return False
    # a thank-you, or a short pleasantry made only of generic words ("Talk to you soon!")
    return s.thanks or sum(1 for t in s.span if t.is_alpha) <= PLEASANTRY_WORDS


def _suggest(sents: Sequence[Sentence]) -> list[str]:
    for s in sents:
        if s.entry is not None and s.entry.instead:
            return [s.entry.instead]
    return []
