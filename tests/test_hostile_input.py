"""Issue 14: hostile input found by an audit. Each test names the item it pins down.

Hangs are bounded by running the command in a subprocess with a timeout (never by timing a
test): on the old code these subprocesses hang and the timeout fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import notelint

GOOD = "Dear Ms. Ortiz, thank you for the tour of the Lisbon office.\n"
HANG_LIMIT_S = 60  # far above the few seconds these take; a hang on the old code runs into it


def _notelint(
    *args: str, cwd: Path, timeout: float = HANG_LIMIT_S
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-m", "notelint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _python(
    code: str, cwd: Path, timeout: float = HANG_LIMIT_S
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


# -- 1. FIFOs ----------------------------------------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_item1_fifo_named_like_a_note_is_an_input_error_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "drafts").mkdir()
    os.mkfifo(tmp_path / "drafts" / "inner.md")
    (tmp_path / "drafts" / "ok.md").write_text(GOOD)
    r = _notelint(
        "check", "--no-grammar", "--no-cache", "pipe.md", "good.md", "drafts", cwd=tmp_path
    )
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        "pipe.md: E012 is a named pipe (FIFO), not a regular file; pass note files only",
        "drafts/inner.md: E012 is a named pipe (FIFO), not a regular file; pass note files only",
    ]
    assert "in 2 files" in r.stdout  # both regular notes were checked


@needs_fifo
def test_item1_fifo_through_the_api_and_in_the_cache_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    code = """
import notelint
from pathlib import Path
from notelint._cache import ResultCache
try:
    notelint.Linter().check_file("pipe.md")
except notelint.InputError as exc:
    print(exc.line())
cache = ResultCache(Path("cache"))
key = "ab" + "0" * 62
Path("cache/v2/ab").mkdir(parents=True)
import os
os.mkfifo(f"cache/v2/ab/{key}.json")
print(cache.get(key), cache.misses)
"""
    r = _python(code, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "pipe.md: E012 is a named pipe (FIFO), not a regular file; pass note files only",
        "None 1",
    ]


# -- 2. pack patterns too costly to match ---------------------------------------------------


def test_item2_costly_pack_pattern_is_refused_when_the_pack_loads(tmp_path: Path) -> None:
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "slow.yaml").write_text(
        'id: slow-rule\nextends: existence\nlang: [en]\nentries:\n  - "thank ... ... ... ... ... ... you"\n'
    )
    (tmp_path / "notelint.toml").write_text('packs = ["./style"]\n')
    (tmp_path / "note.md").write_text(
        ("Thank you, truly, for the long tour , , of the office.\n") * 20
    )
    r = _notelint("check", "--no-grammar", "--no-cache", "note.md", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr == (
        f"notelint: {tmp_path.resolve()}/style/slow.yaml: C005 names a rule pack that cannot be"
        " loaded: entries.0.pattern: pattern has 18 optional positions (`word?` counts 1, `...`"
        " counts 3), more than 10: matching it could take minutes; split it into patterns\n"
    )


# -- 5. symlink loops ----------------------------------------------------------------------


def test_item5_symlink_loop_is_a_per_file_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").symlink_to("b.md")
    (tmp_path / "drafts" / "b.md").symlink_to("a.md")
    (tmp_path / "drafts" / "good.md").write_text("Dear [Interviewer Name], thanks.\n")
    r = run_cli("check", "--select", "placeholder", "loop.md", "drafts", cwd=tmp_path)
    assert r.code == 2
    loop = "cannot be read: it is a symbolic link that points to itself (a symlink loop)"
    assert r.err.splitlines() == [
        f"loop.md: E006 {loop}",
        f"drafts/a.md: E006 {loop}",
        f"drafts/b.md: E006 {loop}",
    ]
    assert "drafts/good.md:1:6: error placeholder" in r.out


# -- 6. over spaCy's length limit ----------------------------------------------------------


def test_item6_text_over_spacys_limit_is_checked_and_other_notes_kept(
    run_cli, tmp_path: Path
) -> None:
    (tmp_path / "notelint.toml").write_text("max-file-size = 2000000\n")
    (tmp_path / "big.md").write_text("I am the perfect fit for your team.\n" * 30_000)  # 1.08M
    (tmp_path / "small.md").write_text("Dear Ms. Ortiz, I am the perfect candidate.\n")
    # every note's stats build its spaCy doc: a cheap rule is enough (the old code crashed in
    # the first rule or the stats, and the whole run with it)
    r = run_cli(
        "check", "--no-cache", "--format", "json", "--select", "front-matter", ".", cwd=tmp_path
    )
    assert r.err == ""
    reports = {rep["path"]: rep for rep in json.loads(r.out)["reports"]}
    assert set(reports) == {"big.md", "small.md"}
    assert reports["small.md"]["stats"]["words"] == 7


def test_item6_trained_pipeline_limit_is_a_per_note_input_error() -> None:
    config = notelint.Config(select=["placeholder"], spacy_model={"en": "en_core_web_sm"})
    with pytest.raises(notelint.InputError) as exc:
        notelint.Linter(config).check("Thanks for the tour. " * 50_000, path="big.md")
    assert exc.value.line() == (
        "big.md: E014 is 1050000 characters, more than the 1000000 the spaCy pipeline"
        " 'en_core_web_sm' accepts; split it or remove `spacy-model`"
    )


# -- 8. file names that are not UTF-8 ------------------------------------------------------


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="file names must be UTF-8 there")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github", "junit"])
def test_item8_non_utf8_file_name_keeps_every_format_valid(
    run_cli, tmp_path: Path, fmt: str
) -> None:
    name = os.fsdecode(b"caf\xe9 [draft].md")
    (tmp_path / name).write_text("Dear [Interviewer Name], thanks.\n")
    r = run_cli("check", "--select", "placeholder", "--format", fmt, name, cwd=tmp_path)
    assert r.code == 1, r.err
    assert r.err == ""
    if fmt in ("json", "sarif"):
        json.loads(r.out)
        assert "caf\\\\xe9 [draft].md" in r.out  # the name as the escape "\xe9", JSON-quoted
    else:
        assert "caf\\xe9 [draft].md" in r.out


# -- 9. format strings in config and packs: the cases are in tests/bad_inputs/manifest.yaml
# (docs-url-positional, pack-message-unknown-field); this one checks the API too.


def test_item9_docs_url_with_an_unknown_field_is_a_config_error() -> None:
    with pytest.raises(notelint.ConfigError) as exc:
        notelint.Config(docs_url="https://example.com/{Rule}")
    assert exc.value.line() == (
        "C001 is not a valid config: docs_url: unknown field {Rule}: the fields are {rule}"
        " (a literal brace is written {{ or }})"
    )


# -- 10. API input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "line"),
    [
        (
            lambda: notelint.Linter(lang="xx"),
            notelint.UsageError,
            "U002 lang: unsupported language 'xx': use en or de, optionally with a region"
            " (en-GB, de-AT)",
        ),
        (
            lambda: notelint.check("Hi \ud83d there", path="n.md"),
            notelint.InputError,
            "n.md: E013 is not valid Unicode text (a lone surrogate U+D83D at offset 3); decode"
            " it strictly as UTF-8 before checking it",
        ),
        (
            lambda: notelint.Linter(cache=True).check("Hi \udcff there"),
            notelint.InputError,
            "<text>: E013 is not valid Unicode text (a lone surrogate U+DCFF at offset 3);"
            " decode it strictly as UTF-8 before checking it",
        ),
        (
            lambda: notelint.check("Hi", context="x"),  # type: ignore[arg-type]
            notelint.UsageError,
            "U002 context must be a dict or a notelint.Context, not str",
        ),
        (
            lambda: notelint.check("Hi", context=5),  # type: ignore[arg-type]
            notelint.UsageError,
            "U002 context must be a dict or a notelint.Context, not int",
        ),
        (
            lambda: notelint.check(b"Hi"),  # type: ignore[arg-type]
            notelint.UsageError,
            "U002 note text must be a str, not bytes",
        ),
        (
            lambda: notelint.check_file("a\0b.md"),
            notelint.InputError,
            "a\\0b.md: E006 cannot be read: the path contains a NUL character",
        ),
        (
            lambda: notelint.Config(fail_level="loud"),
            notelint.ConfigError,
            "C001 is not a valid config: fail_level: Input should be 'info', 'warning' or 'error'",
        ),
        (
            lambda: notelint.Config(languagetool={"timeout": 0}),
            notelint.ConfigError,
            "C001 is not a valid config: languagetool.timeout: Input should be greater than 0",
        ),
        (
            lambda: notelint.LanguageToolConfig(timeout=0),
            notelint.ConfigError,
            "C001 is not a valid config: languagetool.timeout: Input should be greater than 0",
        ),
    ],
    ids=[
        "lang-xx",
        "lone-surrogate",
        "lone-surrogate-cache",
        "context-str",
        "context-int",
        "text-bytes",
        "path-nul",
        "config-value",
        "config-nested",
        "languagetool-config",
    ],
)
def test_item10_api_mistakes_are_notelint_errors(call, error, line) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as exc:
        call()
    assert exc.value.line() == line


def test_item10_uppercase_lang_is_normalized() -> None:
    linter = notelint.Linter(notelint.Config(select=["placeholder"]), lang="EN")
    assert linter.check("Dear [Interviewer Name], thanks.").lang == "en"


# -- smaller items -------------------------------------------------------------------------


def test_nul_byte_after_the_first_8_kb_is_binary(run_cli, tmp_path: Path) -> None:
    (tmp_path / "late-nul.md").write_bytes(GOOD.encode() * 200 + b"\x00tail\n")
    r = run_cli("check", "late-nul.md", cwd=tmp_path)
    assert (r.code, r.err) == (
        2,
        "late-nul.md: E002 looks like a binary file, not a note; remove it from the paths you lint\n",
    )


def test_pack_path_root_fails_fast(tmp_path: Path) -> None:
    (tmp_path / "notelint.toml").write_text('packs = ["/"]\n')
    (tmp_path / "note.md").write_text(GOOD)
    r = _notelint("check", "--no-grammar", "note.md", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr == (
        "notelint: /: C005 names a rule pack that cannot be loaded: the folder holds more than"
        " 2000 files and folders; `packs` names folders of pack YAML files\n"
    )


def test_front_matter_closed_after_a_lone_cr_is_recognised() -> None:
    text = "---\rinterviewers: [Rita Izaguirre]\r---\rDear Ms. Izaguire,\rthanks for the tour.\r"
    report = notelint.check(text, config=notelint.Config(select=["name-misspelled"]))
    (f,) = report.findings
    assert (f.text, f.line, f.column, f.fix) == (
        "Izaguire",
        4,
        10,
        notelint.Fix(start=48, end=56, replacement="Izaguirre"),
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Izag\u200buire", "'Izaguire' looks like a misspelling of 'Izaguirre' (interviewer)."),
        ("Izag\u200buirre", "'Izaguirre' is written with invisible characters inside (U+200B)."),
        ("Izagu\u202eirre", "'Izaguirre' is written with invisible characters inside (U+202E)."),
        ("Iza\u2066gu\u2069irre", "'Izaguirre' is written with invisible characters inside"
         " (U+2066, U+2069)."),
    ],
    ids=["misspelled-zero-width", "zero-width-space", "bidi-override", "bidi-isolates"],
)  # fmt: skip
def test_name_broken_up_by_invisible_characters_is_flagged(written: str, message: str) -> None:
    text = f"Dear Ms. {written},\n\nThank you for the tour of the Lisbon office.\n"
    report = notelint.check(
        text,
        context={"interviewers": ["Rita Izaguirre"]},
        config=notelint.Config(select=["name-misspelled"]),
    )
    (f,) = report.findings
    assert (f.text, f.message) == (written, message)
    assert f.fix == notelint.Fix(start=9, end=9 + len(written), replacement="Izaguirre")


def test_unreadable_pyproject_with_settings_is_a_config_error(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint]\nselect = ["placeholder"]\n')
    (tmp_path / "note.md").write_text(GOOD)
    real_open, real_read_text = os.open, Path.read_text

    def deny(path: object) -> None:
        if Path(os.fsdecode(path)).name == "pyproject.toml":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", lambda p, *a, **k: deny(p) or real_open(p, *a, **k))
    monkeypatch.setattr(Path, "read_text", lambda s, *a, **k: deny(s) or real_read_text(s, *a, **k))
    r = run_cli("check", "note.md", cwd=tmp_path)
    assert (r.code, r.err) == (
        2,
        f"notelint: {tmp_path.resolve()}/pyproject.toml: C006 cannot be read: Permission denied;"
        " make it readable (or move it) so its settings apply\n",
    )
