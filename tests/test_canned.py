"""generic-phrase / thanks-only: user packs extend the catalog; a bad catalog entry is a config error."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint import Config, Linter
from notelint._errors import ConfigError

NOTE = """Dear Ms. Ortiz,

Thank you for your time. I remain your humble servant in all matters. Sending good vibes your way.
I look forward to hearing from you.

Best regards,
Alex
"""


def _check(packs: list[str]) -> list[str]:
    cfg = Config.model_validate(
        {"select": ["generic-phrase"], "lang": "en", "cache": False, "packs": packs}
    )
    with Linter(cfg) as linter:
        return [f.text for f in linter.check(NOTE).findings]


def test_user_pack_adds_phrases(tmp_path: Path) -> None:
    assert not any("vibes" in t for t in _check([]))
    pack = tmp_path / "coach" / "en"
    pack.mkdir(parents=True)
    (pack / "extra.yaml").write_text(
        "rule: generic-phrase\nlang: en\nentries:\n"
        '- {pattern: "send good vibes your way", kind: closer, why: "Cute but empty.", '
        'instead: "Wish them luck with something they mentioned."}\n'
        '- {pattern: "i remain your humble servant", kind: closer, why: "Archaic.", '
        'instead: "Drop it."}\n',
        "utf-8",
    )
    texts = _check([str(tmp_path / "coach")])
    assert "Sending good vibes your way." in texts


@pytest.mark.parametrize(
    "entry, needle",
    [
        ('{pattern: "great talk", kind: bogus, why: "x", instead: "y"}', "kind must be one of"),
        ('{pattern: "a|b c|d e\'s|f", kind: closer, why: "x", instead: "y"}', "bad pattern"),
    ],
)
def test_bad_catalog_entry_is_a_config_error(tmp_path: Path, entry: str, needle: str) -> None:
    (tmp_path / "bad.yaml").write_text(
        f"rule: generic-phrase\nlang: en\nentries:\n- {entry}\n", "utf-8"
    )
    with pytest.raises(ConfigError) as exc:
        _check([str(tmp_path)])
    assert needle in str(exc.value)
    assert "bad.yaml" in str(exc.value)


def test_pack_entry_may_be_just_a_pattern(tmp_path: Path) -> None:
    """docs/packs.md shows `kind: closing` and a bare pattern string: both are accepted."""
    (tmp_path / "extra.yaml").write_text(
        "rule: generic-phrase\nlang: en\nentries:\n"
        '- {pattern: "send good vibes your way", kind: closing}\n'
        '- "i remain your humble servant"\n',
        "utf-8",
    )
    texts = _check([str(tmp_path)])
    assert "Sending good vibes your way." in texts


def test_bad_catalog_entry_exits_2_with_one_line(run_cli, write, tmp_path: Path) -> None:
    write(
        "pack/en/x.yaml", 'rule: generic-phrase\nlang: en\nentries:\n- {pattern: "hi", kind: x}\n'
    )
    write("pyproject.toml", '[tool.notelint]\npacks = ["pack"]\n')
    note = write("n.md", NOTE)
    r = run_cli("check", "--select", "generic-phrase", str(note), cwd=tmp_path)
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1
    assert "x.yaml: C005" in r.err and "kind must be one of" in r.err
    assert "Traceback" not in r.err


@pytest.mark.parametrize("lang, minimum", [("en", 150), ("de", 100)])
def test_builtin_catalog_is_complete(lang: str, minimum: int) -> None:
    """Every built-in entry compiles, has a known kind and says why and what instead."""
    from notelint._analysis.catalogs import KINDS, generic_matcher
    from notelint._engine import RuleEnv
    from notelint._packs import Packs

    env = RuleEnv(Config(), Packs())
    raw = env.catalog("generic-phrase", lang)
    assert len(raw) >= minimum
    assert all(e.kind in KINDS and e.why and e.instead for e in raw)
    matcher = generic_matcher(env, lang)
    assert len(matcher.items) == len(raw)
