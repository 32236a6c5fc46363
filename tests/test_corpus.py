"""The benchmark corpus generator: deterministic per seed, realistic sizes, valid front matter."""

from __future__ import annotations

from benchmarks.__main__ import families, family_of
from benchmarks.corpus import MAX_WORDS, MIN_WORDS, count_words, generate

from notelint import Config, Linter


def test_same_seed_same_notes_other_seed_other_notes() -> None:
    a = generate(40, seed=7)
    b = generate(40, seed=7)
    c = generate(40, seed=8)
    assert [n.text for n in a] == [n.text for n in b]
    assert [n.text for n in a] != [n.text for n in c]
    assert generate(5, seed=7) == a[:5]  # a prefix does not depend on the count


def test_sizes_languages_and_flaws() -> None:
    notes = generate(300, seed=3)
    words = [n.words for n in notes]
    assert all(MIN_WORDS <= w <= MAX_WORDS for w in words), (min(words), max(words))
    assert min(words) < 120 and max(words) > 330  # the range is really used
    assert all(n.words == count_words(n.body) for n in notes)
    assert {n.lang for n in notes} == {"en", "de"}
    flaws = {f for n in notes for f in n.flaws}
    assert flaws == {"placeholder", "canned", "misspelled-name"}
    assert 0.5 < sum(1 for n in notes if not n.flaws) / len(notes) < 0.8
    assert len({n.name for n in notes}) == len(notes)


def test_front_matter_is_valid_context() -> None:
    with Linter(Config(select=[], cache=False)) as linter:
        for n in generate(30, seed=5):
            note, _ = linter.parse(n.text)
            assert note.context_problems == ()
            assert note.lang == n.lang
            assert note.body == n.body
            assert list(note.context.interviewers) == n.context["interviewers"]
            assert note.context.company == n.context["company"]


def test_rule_families_cover_every_offline_rule() -> None:
    class Plugin:
        needs: frozenset[str] = frozenset()

    Plugin.__module__ = "somebody.else"
    assert family_of("placeholder", Plugin) == "content"
    assert family_of("brand-new-rule", Plugin) == "other"
    lt = type("LT", (), {"needs": frozenset({"languagetool"})})
    fams = families({"placeholder": Plugin, "x-rule": Plugin, "spelling": lt})
    assert fams == {"content": ["placeholder"], "other": ["x-rule"]}


def test_precision_scores_examples() -> None:
    from benchmarks.precision import evaluate, table

    from examples_table import load_examples

    examples = [e for e in load_examples() if e.rule == "placeholder"][:8]
    scores = evaluate(examples)
    assert sum(s.n for s in scores.values()) == len(examples)
    assert {rule for rule, _lang in scores} == {"placeholder"}
    assert "| placeholder |" in table(scores)
