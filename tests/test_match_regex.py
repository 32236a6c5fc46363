"""PhraseCatalogMatcher's regex search finds what spaCy's Matcher finds (speed change guard).

Every built-in catalog, on the labeled corpus and the examples table: the longest
non-overlapping matches (what the rules and the analysis read) are identical.
"""

from __future__ import annotations

import pytest
import yaml
from corpus.load import ROOT

from examples_table import load_examples
from notelint import Config
from notelint._analysis.catalogs import generic_matcher
from notelint._engine import RuleEnv
from notelint._match import PhraseCatalogMatcher
from notelint._nlp import make_doc
from notelint._packs import Packs

CATALOGS = ("self-promotion", "burned-bridge", "no-stay-in-touch", "rejection-reply")


def _texts(lang: str) -> list[str]:
    texts = [e.note for e in load_examples() if e.lang == lang]
    for path in sorted((ROOT / "train").glob(f"{lang}-*.yaml")):
        texts.extend(n["text"] for n in yaml.safe_load(path.read_text("utf-8")))
    return texts


@pytest.mark.parametrize("lang", ["en", "de"])
def test_regex_search_equals_spacy_matcher(lang: str) -> None:
    env = RuleEnv(Config(), Packs())
    matchers: list[PhraseCatalogMatcher] = [generic_matcher(env, lang)]
    for name in CATALOGS:
        entries = env.catalog(name, lang)
        matchers.append(PhraseCatalogMatcher(lang, entries, [e.pattern for e in entries]))
    compared = 0
    for text in _texts(lang)[::3]:
        doc = make_doc(text, lang)
        for m in matchers:
            fast = [(x.span.start, x.span.end, x.item) for x in m.find(doc)]
            slow = [(x.span.start, x.span.end, x.item) for x in m.find_with_spacy(doc)]
            assert fast == slow, text
            compared += len(fast)
    assert compared > 100
