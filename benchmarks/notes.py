"""Realistic follow-up notes (~150 words each) for the benchmarks, with a few slips left in."""

EN = [
    """Dear Ms. Izaguirre,

thank you for taking the time to talk with me yesterday about the Senior Data Analyst role.
I especially enjoyed hearing how your team rebuilt the regional sales dashboard last spring,
and the story about the field trip to the Atlanta warehouse made the work feel very concrete.
It is exactly the kind of hands-on analytics I want to do more of. Our conversation about
data quality also stayed with me: the idea of giving every metric an owner is simple and
powerfull, and I would love to help put it into practice. I was also glad to hear that the
team runs a monthly reading group, since I have been looking for a place where people learn
together. If it helps, I can send the short write-up on forecasting I mentioned. Thank you
again for the warm welcome and for the restaurant tip; I will try the pho place next week.

Best regards,
Alex Kim""",
    """Hello Daniel,

many thanks for the conversation on Tuesday. I left the office with a clear picture of how the
platform team works, and with real enthusiasm for the migration project you described. Moving
forty services to the new cluster in one quarter sounds ambitious, but the way you have split
the work into small, reversible steps makes it believable. I liked that the team writes a short
decision record for every change; I did something similar at my last job and it saved us more
than once. You asked how I would handle an on-call week with a flaky deploy pipeline. I have
thought about it some more, and I would add one thing to my answer: I would keep a simple log
of every failure so that patterns become visible. I hope to continue the conversation soon and
to meet the rest of the team. Enjoy your trip to Lisbon next month!

Kind regards,
Alex""",
    """Dear Priya,

Thank you for the interview this morning. I really appreciated the chance to learn about the
community health program and the mobile clinics you are planning for the northern districts.
What stayed with me most was your story about the first clinic day, when more people came than
the team had chairs for. That kind of demand is exactly why I want to work on this program.
I also enjoyed our discussion of volunteer scheduling. My experience coordinating more then
sixty volunteers at the food bank taught me that a clear weekly plan and a friendly reminder
matter more than any software. I would be happy to share the simple spreadsheet template we
used there. Please let me know if there is anything else you need from me for the next step.
Thank you again for your time and for the thoughtful questions.

With best wishes,
Alex Kim""",
    """Hi Tom,

thanks again for showing me around the studio on Friday. Seeing the prototypes for the new
chair collection up close was a highlight of my week, and I keep thinking about the way the
team tests every joint by hand before it goes to the workshop. I also enjoyed the lunch at the
small Italian place around the corner; the lemon pasta was as good as you promised. I am
excited about the junior designer role because the studio combines careful craft with quick
iteration, which is how I like to work. I have attached two sketches that build on the stacking
idea we talked about, in case they are useful for the next review. I would love to hear what
the team thinks of them. Have a great weekend, and good luck with the trade fair in Milan.

All the best,
Alex""",
]

DE = [
    """Sehr geehrte Frau Schneider,

vielen Dank für das angenehme Gespräch am Dienstag. Besonders beeindruckt hat mich, wie Ihr Team
die Umstellung der Lagerlogistik in nur drei Monaten geschafft hat. Ihre Schilderung vom ersten
Tag mit dem neuen System, an dem alle gemeinsam bis spät abends Pakete gescannt haben, hat mir
gezeigt, wie eng die Abteilung zusammenarbeitet. Genau in so einem Umfeld möchte ich arbeiten.
Auch unser Austausch über Kennzahlen ist mir im Gedächtnis geblieben: Die Idee, jede Kennzahl
einer verantwortlichen Person zuzuordnen, ist einfach und wirkungsvoll. Gern bringe ich meine
Erfahrung aus dem Controlling ein, um das weiter auszubauen. Falls es hilft, sende ich Ihnen
die kurze Auswertung zu Lieferzeiten, die ich erwähnt hatte. Ich freue mich darauf, von Ihnen
zu hören, und wünsche Ihnen einen schönen Urlaub an der Ostsee.

Mit freundlichen Grüßen
Alex Kim""",
    """Hallo Herr Becker,

herzlichen Dank für die Zeit, die Sie sich gestern für mich genommen haben. Das Projekt zur
Modernisierung der Kundenplattform klingt spannend, und Ihre Beschreibung der ersten Sprints hat
mir gut gefallen. Dass jedes Team kurze Entscheidungsnotizen schreibt, finde ich sehr sinnvoll;
in meiner letzten Stelle haben wir das ähnlich gemacht und es hat uns oft geholfen. Sie hatten
gefragt, wie ich mit einer schwierigen Bereitschaftswoche umgehen würde. Ich habe noch einmal
darüber nachgedacht und würde ergänzen, dass ich jeden Fehler kurz protokollieren würde, damit
Muster sichtbar werden. Ich würde mich sehr freuen, das Gespräch bald fortzusetzen und den Rest
des Teams kennenzulernen. Viel Spass bei der Konferenz in Hamburg nächste Woche!

Viele Grüße
Alex Kim""",
    """Liebe Frau Öztürk,

vielen Dank für das Vorstellungsgespräch heute Vormittag. Es hat mich sehr gefreut, mehr über
das Gesundheitsprogramm und die mobilen Sprechstunden im Landkreis zu erfahren. Am meisten ist
mir Ihre Geschichte vom ersten Sprechstundentag geblieben, als mehr Menschen kamen, als Stühle
da waren. Genau deshalb möchte ich an diesem Programm mitarbeiten. Auch unser Gespräch über die
Planung der Ehrenamtlichen fand ich hilfreich. Bei der Tafel habe ich über sechzig Freiwillige
koordiniert und gelernt, dass ein klarer Wochenplan und eine freundliche Erinnerung mehr
bewirken als jede Software. Gern schicke ich Ihnen die einfache Tabellenvorlage, die wir dort
genutzt haben. Bitte geben Sie mir Bescheid, wenn Sie für den nächsten Schritt noch etwas von
mir brauchen. Nochmals vielen Dank für Ihre Zeit und die durchdachten Fragen.

Herzliche Grüße
Alex Kim""",
    """Hallo Jana,

danke nochmal für die Führung durch das Atelier am Freitag. Die Prototypen der neuen
Stuhlkollektion aus der Nähe zu sehen, war das Highlight meiner Woche, und ich denke immer noch
daran, wie das Team jede Verbindung von Hand prüft, bevor sie in die Werkstatt geht. Auch das
Mittagessen in dem kleinen italienischen Lokal um die Ecke hat mir gefallen; die Zitronenpasta
war so gut, wie du versprochen hattest. Die Stelle als Junior-Designerin reizt mich, weil das
Atelier sorgfältiges Handwerk mit schnellen Iterationen verbindet. Ich habe zwei Skizzen
angehängt, die auf der Stapelidee aufbauen, über die wir gesprochen haben. Ich würde mich freuen
zu hören, was das Team davon hält. Ein schönes Wochenende und viel Erfolg auf der Messe in
Mailand.

Alles Gute
Alex""",
]
