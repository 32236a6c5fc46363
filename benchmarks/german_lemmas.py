"""`python benchmarks/german_lemmas.py`: spaCy's lookup lemmas against simplemma on the German corpus.

Counts the lowercase German words of corpus/train ending in -e/-en/-er/-es/-em (inflected
adjectives and verbs) that each lemmatiser leaves as written, and times simplemma's first
German call (it loads its data then). Needs simplemma installed (not a dependency).
"""

import glob
import re
import time

import simplemma
import yaml

from notelint._nlp import make_doc

words = []
for f in glob.glob("corpus/train/de-*.yaml"):
    for n in yaml.safe_load(open(f)):
        d = make_doc(n["text"], "de")
        words += [(t.text, t.norm_) for t in d if t.is_alpha]
infl = [
    (w, n) for w, n in words if re.search(r"(e|en|er|es|em)$", w) and w[:1].islower() and len(w) > 4
]
sp_same = sum(1 for w, n in infl if n == w.lower())
t = time.perf_counter()
simplemma.lemmatize("Haus", lang="de")
load = time.perf_counter() - t
sm = [simplemma.lemmatize(w, lang="de") for w, _ in infl]
sm_same = sum(1 for (w, _), l in zip(infl, sm) if l.lower() == w.lower())
caps = [(w, n) for w, n in words if w[:1].isupper()]
disagree = sum(1 for (w, n) in infl if simplemma.lemmatize(w, lang="de").lower() != n)
print(f"German tokens {len(words)}, lowercase words ending -e/-en/-er/-es/-em (len>4): {len(infl)}")
print(
    f"left as written: spaCy lookup {sp_same} ({sp_same / len(infl):.0%}), simplemma {sm_same} ({sm_same / len(infl):.0%}); they disagree on {disagree}"
)
print(f"simplemma German data load: {load:.2f} s")
for w in ["informative", "freundliche", "Falls", "spannenden", "Gesprächen"]:
    print(w, make_doc(w, "de")[0].norm_, simplemma.lemmatize(w, lang="de"))
