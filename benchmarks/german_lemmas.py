"""`python benchmarks/german_lemmas.py`: spaCy's lookup lemmas against simplemma, German corpus.

Counts the lowercase German words of corpus/train ending in -e/-en/-er/-es/-em (inflected
adjectives and verbs) that each lemmatiser leaves as written, and times simplemma's first
German call (it loads its data then). Needs simplemma installed (not a dependency).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import yaml

from notelint._nlp import make_doc

ROOT = Path(__file__).resolve().parent.parent
INFLECTED = re.compile(r"(?:e|en|er|es|em)$")


def main() -> int:
    import simplemma

    words: list[tuple[str, str]] = []
    for path in sorted((ROOT / "corpus" / "train").glob("de-*.yaml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8")):
            words += [(t.text, t.norm_) for t in make_doc(note["text"], "de") if t.is_alpha]
    inflected = [(w, n) for w, n in words if INFLECTED.search(w) and w[:1].islower() and len(w) > 4]
    started = time.perf_counter()
    simplemma.lemmatize("Haus", lang="de")
    load = time.perf_counter() - started
    lemmas = [simplemma.lemmatize(w, lang="de") for w, _ in inflected]
    spacy_same = sum(1 for w, n in inflected if n == w.lower())
    simple_same = sum(
        1 for (w, _), lemma in zip(inflected, lemmas, strict=True) if lemma.lower() == w.lower()
    )
    n = len(inflected)
    print(f"German tokens {len(words)}; lowercase words ending -e/-en/-er/-es/-em: {n}")
    print(f"left as written: spaCy lookup {spacy_same} ({spacy_same / n:.0%}), ", end="")
    print(f"simplemma {simple_same} ({simple_same / n:.0%})")
    print(f"simplemma's German data loads in {load:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
