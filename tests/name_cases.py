"""The name cases table: shared by tests/test_names.py and benchmarks/names.py.

Each case: an id, the language, the context, the note body and the expected findings as
(found text, correction) pairs; an empty list means the note must pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NameCase:
    id: str
    lang: str
    context: dict[str, Any]
    text: str
    expect: tuple[tuple[str, str], ...] = ()


def _p(names: str | list[str], **extra: Any) -> dict[str, Any]:
    return {"interviewers": [names] if isinstance(names, str) else names, **extra}


C = NameCase
EN_TAIL = " Thank you for walking me through the onboarding plan.\n\nBest regards,\nAlex Kim\n"
DE_TAIL = " Vielen Dank für das offene Gespräch über die Einarbeitung.\n\nViele Grüße\nAlex Kim\n"

CASES: list[NameCase] = [
    # -- English, misspelled ---------------------------------------------------------------
    C("en-typo-dropped", "en", _p("Rita Izaguirre"), "Dear Ms. Izaguire," + EN_TAIL, (("Izaguire", "Izaguirre"),)),
    C("en-typo-transposed", "en", _p("Rita Izaguirre"), "Hi Rtia," + EN_TAIL, (("Rtia", "Rita"),)),
    C("en-lowercase", "en", _p("Rita Izaguirre"), "Dear Rita," + EN_TAIL.replace("plan.", "plan, izaguirre."), (("izaguirre", "Izaguirre"),)),
    C("en-doubled", "en", _p("Tomasz Kowalczyk"), "Dear Mr. Kowallczyk," + EN_TAIL, (("Kowallczyk", "Kowalczyk"),)),
    C("en-transposed-cz", "en", _p("Tomasz Kowalczyk"), "Dear Mr. Kowalcyzk," + EN_TAIL, (("Kowalcyzk", "Kowalczyk"),)),
    C("en-diacritic-nguyen", "en", _p("Nguyễn Thị Mai"), "Dear Ms. Nguyen," + EN_TAIL, (("Nguyen", "Nguyễn"),)),
    C("en-diacritic-jose", "en", _p("José Ramírez"), "Hello Jose," + EN_TAIL, (("Jose", "José"),)),
    C("en-diacritic-sanchez", "en", _p("Lucía Sánchez"), "Dear Ms. Sanchez," + EN_TAIL, (("Sanchez", "Sánchez"),)),
    C("en-diacritic-muller", "en", _p("Jonas Müller"), "Dear Mr. Muller," + EN_TAIL, (("Muller", "Müller"),)),
    C("en-hyphen-diacritics", "en", _p("María García-López"), "Dear Dr. Garcia-Lopez," + EN_TAIL, (("Garcia-Lopez", "García-López"),)),
    C("en-hyphen-one-part", "en", _p("María García-López"), "Dear Dr. García-Lopez," + EN_TAIL, (("Lopez", "López"),)),
    C("en-irish-surname", "en", _p("Siobhán Ó Súilleabháin"), "Dear Ms. O Suilleabhain," + EN_TAIL, (("O Suilleabhain", "Ó Súilleabháin"),)),
    C("en-irish-first", "en", _p("Siobhán Ó Súilleabháin"), "Hi Siobhan," + EN_TAIL, (("Siobhan", "Siobhán"),)),
    C("en-adebayo", "en", _p("Tunde Adebayo"), "Dear Mr. Adebyao," + EN_TAIL, (("Adebyao", "Adebayo"),)),
    C("en-zhang", "en", _p("Wei Zhang"), "Dear Dr. Zhnag," + EN_TAIL, (("Zhnag", "Zhang"),)),
    C("en-okonkwo", "en", _p("Chidi Okonkwo"), "Dear Mr. Okonkow," + EN_TAIL, (("Okonkow", "Okonkwo"),)),
    C("en-yilmaz", "en", _p("Elif Yılmaz"), "Dear Ms. Yilmaz," + EN_TAIL, (("Yilmaz", "Yılmaz"),)),
    C("en-odegaard", "en", _p("Ingrid Ødegaard"), "Dear Ms. Odegaard," + EN_TAIL, (("Odegaard", "Ødegaard"),)),
    C("en-bjork", "en", _p("Björk Sigurðardóttir"), "Hello Bjork," + EN_TAIL, (("Bjork", "Björk"),)),
    C("en-wojciechowski", "en", _p("Piotr Wojciechowski"), "Dear Mr. Wojciechowsky," + EN_TAIL, (("Wojciechowsky", "Wojciechowski"),)),
    C("en-chukwuemeka", "en", _p("Chukwuemeka Obi"), "Hi Chukwuemka," + EN_TAIL, (("Chukwuemka", "Chukwuemeka"),)),
    C("en-tanaka", "en", _p("Haruto Tanaka"), "Dear Mr. Tanka," + EN_TAIL, (("Tanka", "Tanaka"),)),
    C("en-stacey", "en", _p("Stacy Park"), "Hi Stacey," + EN_TAIL, (("Stacey", "Stacy"),)),
    C("en-katherine", "en", _p("Kathryn Lee"), "Dear Katherine," + EN_TAIL, (("Katherine", "Kathryn"),)),
    C("en-jon", "en", _p("John Carter"), "Hi Jon," + EN_TAIL, (("Jon", "John"),)),
    C("en-possessive", "en", _p("Rita Izaguirre"), "Dear Rita, I keep thinking about Izaguire's point on churn." + EN_TAIL, (("Izaguire", "Izaguirre"),)),
    C("en-mid-sentence-first", "en", _p("Rita Izaguirre"), "Dear Ms. Izaguirre, I told my mentor what Ritta said about churn." + EN_TAIL, (("Ritta", "Rita"),)),
    C("en-full-name", "en", _p("Rita Izaguirre"), "Hello, I enjoyed meeting Rita Izaguire on Tuesday." + EN_TAIL, (("Izaguire", "Izaguirre"),)),
    C("en-company", "en", {"company": "Jackson Spalding"}, "Dear team, I would love to grow with Jackson Spaulding." + EN_TAIL, (("Spaulding", "Spalding"),)),
    C("en-company-case", "en", {"company": "Initrode"}, "Dear team, the mentoring culture at initrode stood out." + EN_TAIL, (("initrode", "Initrode"),)),
    C("en-recipient", "en", {"recipient": "Aoife Brennan"}, "Dear Ms. Brenan," + EN_TAIL, (("Brenan", "Brennan"),)),
    C("en-non-bmp-before", "en", _p("Rita Izaguirre"), "🎉🎉 Dear Ms. Izaguire," + EN_TAIL, (("Izaguire", "Izaguirre"),)),
    C("en-van-der", "en", _p("Pieter van der Berg"), "Dear Mr. van der Burg," + EN_TAIL, (("Burg", "Berg"),)),
    C("en-sentence-start", "en", _p("Rita Izaguirre"), "Dear Rita,\n\nIzaguirre's team impressed me. Izaguire's plan too." + EN_TAIL, (("Izaguire", "Izaguirre"),)),
    C("en-nguyen-full", "en", _p("Nguyễn Thị Mai"), "Hello, meeting Mai and Ms. Nguyen was great." + EN_TAIL, (("Nguyen", "Nguyễn"),)),
    C("en-two-errors", "en", _p(["Rita Izaguirre", "Tomasz Kowalczyk"]), "Dear Rtia and Tomasz, Mr. Kowalcyk too." + EN_TAIL, (("Rtia", "Rita"), ("Kowalcyk", "Kowalczyk"))),
    C("en-dropped-wojcie", "en", _p("Piotr Wojciechowski"), "Dear Mr. Wojciechowki," + EN_TAIL, (("Wojciechowki", "Wojciechowski"),)),
    C("en-adebayo-first", "en", _p("Oluwaseun Adebayo"), "Hi Oluwasuen," + EN_TAIL, (("Oluwasuen", "Oluwaseun"),)),
    # -- English, correct or not a name -----------------------------------------------------
    C("en-ok-full", "en", _p("Rita Izaguirre"), "Dear Ms. Izaguirre, Rita's story about the launch stayed with me." + EN_TAIL),
    C("en-ok-allcaps", "en", _p("Rita Izaguirre"), "Dear Ms. IZAGUIRRE," + EN_TAIL),
    C("en-ok-mueller", "en", _p("Jonas Müller"), "Dear Mr. Mueller," + EN_TAIL),
    C("en-ok-odegaard-translit", "en", _p("Ingrid Ødegaard"), "Dear Ms. Oedegaard," + EN_TAIL),
    C("en-ok-diacritics", "en", _p("Nguyễn Thị Mai"), "Dear Ms. Nguyễn," + EN_TAIL),
    C("en-ok-irish", "en", _p("Siobhán Ó Súilleabháin"), "Dear Ms. Ó Súilleabháin, Siobhán's workshop was great." + EN_TAIL),
    C("en-ok-hyphen", "en", _p("María García-López"), "Dear Dr. García-López," + EN_TAIL),
    C("en-ok-will-verb", "en", _p("Bill Hayes"), "Dear Bill, I will send the deck tomorrow. Will it help?" + EN_TAIL),
    C("en-ok-rich-adjective", "en", _p("Rick Osei"), "Dear Rick, the rich discussion helped. Rich data sets matter." + EN_TAIL),
    C("en-ok-other-person", "en", _p("Rita Izaguirre"), "Dear Rita, Tom from the design team was helpful too." + EN_TAIL),
    C("en-ok-sender", "en", _p("Alexa Kimball", sender="Alex Kim"), "Dear Alexa," + EN_TAIL),
    C("en-ok-url", "en", _p("Rita Izaguirre"), "Dear Rita, my portfolio is at https://example.org/izaguire-notes." + EN_TAIL),
    C("en-ok-email", "en", _p("Rita Izaguirre"), "Dear Rita, reach me at rtia@example.org any time." + EN_TAIL),
    C("en-ok-code", "en", _p("Rita Izaguirre"), "Dear Rita, the `izaguire_test` script is attached." + EN_TAIL),
    C("en-ok-zhang", "en", _p("Wei Zhang"), "Dear Dr. Zhang, Wei's question about caching was great." + EN_TAIL),
    C("en-ok-tanaka", "en", _p("Haruto Tanaka"), "Dear Mr. Tanaka," + EN_TAIL),
    C("en-ok-kowalczyk", "en", _p("Tomasz Kowalczyk"), "Dear Mr. Kowalczyk, Tomasz's demo was the highlight." + EN_TAIL),
    C("en-ok-company", "en", {"company": "Jackson Spalding"}, "Dear team, Jackson Spalding's client work impressed me." + EN_TAIL),
    C("en-ok-company-alias", "en", {"company": "Jackson Spalding", "company_aliases": ["JS"]}, "Dear team, the JS studio tour was fun." + EN_TAIL),
    C("en-ok-mark-verb", "en", _p("Mary Jones"), "Dear Mary, please mark the date. Mark my words." + EN_TAIL),
    C("en-ok-chukwuemeka", "en", _p("Chukwuemeka Obi"), "Hi Chukwuemeka," + EN_TAIL),
    C("en-ok-wojciechowski", "en", _p("Piotr Wojciechowski"), "Dear Mr. Wojciechowski," + EN_TAIL),
    C("en-ok-okonkwo", "en", _p("Chidi Okonkwo"), "Dear Mr. Okonkwo," + EN_TAIL),
    C("en-ok-yilmaz", "en", _p("Elif Yılmaz"), "Dear Ms. Yılmaz," + EN_TAIL),
    C("en-ok-bjork", "en", _p("Björk Sigurðardóttir"), "Hello Björk," + EN_TAIL),
    C("en-ok-van-der-sentence-start", "en", _p("Pieter van der Berg"), "Hello,\n\nVan der Berg's team showed me the dashboards." + EN_TAIL),
    C("en-ok-stacy-and-stacey", "en", _p(["Stacy Park", "Stacey Moore"]), "Dear Stacy and Stacey," + EN_TAIL),
    C("en-ok-month-may", "en", _p("Maya Patel"), "Dear Maya, I can start in May." + EN_TAIL),
    C("en-ok-sanchez", "en", _p("Lucía Sánchez"), "Dear Ms. Sánchez, Lucía's roadmap was clear." + EN_TAIL),
    # -- German, misspelled -----------------------------------------------------------------
    C("de-typo", "de", _p("Anna Müller"), "Liebe Frau Müler," + DE_TAIL, (("Müler", "Müller"),)),
    C("de-diacritic", "de", _p("Anna Müller"), "Sehr geehrte Frau Muller," + DE_TAIL, (("Muller", "Müller"),)),
    C("de-first-typo", "de", _p("Anna Müller"), "Liebe Anan," + DE_TAIL, (("Anan", "Anna"),)),
    C("de-kowalczyk", "de", _p("Tomasz Kowalczyk"), "Sehr geehrter Herr Kowalzcyk," + DE_TAIL, (("Kowalzcyk", "Kowalczyk"),)),
    C("de-schroeder", "de", _p("Jürgen Schröder"), "Sehr geehrter Herr Schroder," + DE_TAIL, (("Schroder", "Schröder"),)),
    C("de-genitive-typo", "de", _p("Rita Izaguirre"), "Hallo Rita, Izaguires Idee zur Planung gefällt mir." + DE_TAIL, (("Izaguire", "Izaguirre"),)),
    C("de-sanchez", "de", _p("Lucía Sánchez"), "Sehr geehrte Frau Sanchez," + DE_TAIL, (("Sanchez", "Sánchez"),)),
    C("de-nguyen", "de", _p("Nguyễn Văn An"), "Sehr geehrter Herr Nguyen," + DE_TAIL, (("Nguyen", "Nguyễn"),)),
    C("de-yilmaz", "de", _p("Elif Yılmaz"), "Liebe Frau Yilmaz," + DE_TAIL, (("Yilmaz", "Yılmaz"),)),
    C("de-company", "de", {"company": "Jackson Spalding"}, "Hallo zusammen, die Arbeit bei Jackson Spaulding reizt mich." + DE_TAIL, (("Spaulding", "Spalding"),)),
    C("de-hallo", "de", _p("Katrin Weißmann"), "Hallo Kathrin," + DE_TAIL, (("Kathrin", "Katrin"),)),
    C("de-weissmann-typo", "de", _p("Katrin Weißmann"), "Sehr geehrte Frau Weismann," + DE_TAIL, (("Weismann", "Weißmann"),)),
    C("de-guten-tag", "de", _p("Dragan Petrović"), "Guten Tag Herr Petrovic," + DE_TAIL, (("Petrovic", "Petrović"),)),
    C("de-dr", "de", _p("Wei Zhang"), "Sehr geehrter Herr Dr. Zahng," + DE_TAIL, (("Zahng", "Zhang"),)),
    C("de-lieber", "de", _p("Lukas Hoffmann"), "Lieber Lukas, Herr Hofmann hat mir viel gezeigt." + DE_TAIL, (("Hofmann", "Hoffmann"),)),
    C("de-okonkwo", "de", _p("Chidi Okonkwo"), "Sehr geehrter Herr Okonko," + DE_TAIL, (("Okonko", "Okonkwo"),)),
    C("de-odegaard", "de", _p("Ingrid Ødegaard"), "Liebe Frau Odegaard," + DE_TAIL, (("Odegaard", "Ødegaard"),)),
    C("de-non-bmp", "de", _p("Anna Müller"), "😊 Liebe Frau Müler," + DE_TAIL, (("Müler", "Müller"),)),
    C("de-wojciechowski", "de", _p("Piotr Wojciechowski"), "Sehr geehrter Herr Wojchiechowski," + DE_TAIL, (("Wojchiechowski", "Wojciechowski"),)),
    C("de-garcia", "de", _p("María García-López"), "Sehr geehrte Frau Garcia-López," + DE_TAIL, (("Garcia", "García"),)),
    # -- German, correct or not a name ------------------------------------------------------
    C("de-ok", "de", _p("Anna Müller"), "Liebe Frau Müller, Annas Hinweis zur Planung war hilfreich." + DE_TAIL),
    C("de-ok-mueller", "de", _p("Anna Müller"), "Sehr geehrte Frau Mueller," + DE_TAIL),
    C("de-ok-noun", "de", _p("Klaus Lange"), "Sehr geehrter Herr Lange, die Länge des Projekts überrascht mich nicht." + DE_TAIL),
    C("de-ok-genitive", "de", _p("Rita Izaguirre"), "Hallo Rita, Ritas Idee zur Planung gefällt mir." + DE_TAIL),
    C("de-ok-other-person", "de", _p("Anna Müller"), "Liebe Frau Müller, auch Herr Schmidt war sehr freundlich." + DE_TAIL),
    C("de-ok-nouns", "de", _p("Tomasz Kowalczyk"), "Sehr geehrter Herr Kowalczyk, die Zukunft des Teams klingt spannend." + DE_TAIL),
    C("de-ok-weissmann-ss", "de", _p("Katrin Weißmann"), "Sehr geehrte Frau Weissmann," + DE_TAIL),
    C("de-ok-zhang", "de", _p("Wei Zhang"), "Sehr geehrter Herr Dr. Zhang," + DE_TAIL),
    C("de-ok-company", "de", {"company": "Jackson Spalding"}, "Hallo zusammen, die Arbeit bei Jackson Spalding reizt mich." + DE_TAIL),
    C("de-ok-hallo-zusammen", "de", _p("Jan Becker"), "Hallo zusammen, danke Jan für die Führung." + DE_TAIL),
    C("de-ok-petrovic", "de", _p("Dragan Petrović"), "Guten Tag Herr Petrović," + DE_TAIL),
    C("de-ok-sender", "de", _p("Alexa Kimmel", sender="Alex Kim"), "Liebe Alexa," + DE_TAIL),
    C("de-ok-odegaard", "de", _p("Ingrid Ødegaard"), "Liebe Frau Ødegaard," + DE_TAIL),
    C("de-ok-wolf", "de", _p("Sabine Wolff"), "Liebe Frau Wolff, der Wolf im Logo ist toll." + DE_TAIL),
    C("de-ok-sanchez", "de", _p("Lucía Sánchez"), "Sehr geehrte Frau Sánchez," + DE_TAIL),
]
