"""Templates: slots filled with sample values, findings mapped back, the example library."""

from __future__ import annotations

from pathlib import Path

import notelint
from notelint._templates import builtin_variables, fill

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "examples" / "templates"
TEMPLATE_RULES = "template-variable,template-no-specifics,placeholder,front-matter"


def test_example_template_library_exact_output(run_cli) -> None:
    r = run_cli(
        "check",
        "--select",
        TEMPLATE_RULES,
        "--output-format",
        "concise",
        "examples/templates",
        cwd=ROOT,
    )
    p = "examples/templates"
    assert r.out.splitlines() == [
        f"{p}/de/nur-floskeln.md:4:1: warning template-no-specifics This template has no slot for something from the conversation (e.g. {{{{ topic }}}}): every note made from it says the same thing.",
        f"{p}/de/tippfehler.md:4:10: error template-variable Unknown template variable 'firstname'; did you mean 'first_name'?",
        f"{p}/de/tippfehler.md:7:21: error placeholder Unfilled placeholder 'Firma X' (filler name); replace it with the real company name (Firmenname).",
        f"{p}/en/broken-slots.md:4:9: error template-variable Unknown template variable 'recipent'; did you mean 'recipient'?",
        f"{p}/en/broken-slots.md:6:62: error template-variable Unknown template variable 'compnay'; did you mean 'company'?",
        f"{p}/en/broken-slots.md:10:1: error placeholder Unfilled placeholder '[Your Name]' (bracketed slot); replace it with the real name.",
        f"{p}/en/generic-thanks.md:4:1: warning template-no-specifics This template has no slot for something from the conversation (e.g. {{{{ topic }}}}): every note made from it says the same thing.",
        "Found 7 findings (5 error, 2 warning) in 8 files.",
    ]
    assert r.code == 1


def test_good_templates_are_clean(run_cli) -> None:
    good = [
        "examples/templates/en/after-interview.md",
        "examples/templates/en/after-interview-with-tip.md",
        "examples/templates/de/nach-dem-gespraech.md",
        "examples/templates/de/mit-empfehlung.md",
    ]
    r = run_cli("check", "--select", TEMPLATE_RULES, *good, cwd=ROOT)
    assert (r.code, r.out) == (0, "All clear: 4 files checked, no findings.\n")


def test_finding_after_filled_slots_maps_back_to_template_offsets() -> None:
    text = (
        "---\ntemplate: true\n---\n"
        "Dear {{ recipient }}, thanks from {{ company }} and [Your Name].\n"
    )
    report = notelint.check(text, config=notelint.Config(select=["placeholder"]))
    (f,) = report.findings
    assert text[f.start : f.end] == "[Your Name]" == f.text
    assert (f.line, f.column) == (4, text.splitlines()[3].index("[Your Name]") + 1)


def test_finding_covering_a_filled_slot_maps_to_the_whole_slot() -> None:
    text = "---\ntemplate: true\n---\nDear {{ first_name }},\n\nThanks for your time.\n"
    report = notelint.check(text, config=notelint.Config(select=["template-no-specifics"]))
    (f,) = report.findings
    assert f.text == "Dear {{ first_name }},"


def test_fix_inside_a_filled_slot_is_dropped_but_outside_kept() -> None:
    text = (
        "---\ntemplate: true\ncompany: Harbor Logistics\n---\nHi {{ recipent }} at {{ company }}.\n"
    )
    report = notelint.check(text, config=notelint.Config(select=["template-variable"]))
    (f,) = report.findings
    assert f.fix is not None and text[f.fix.start : f.fix.end] == "recipent"
    assert f.fix.replacement == "recipient"


def test_samples_come_from_context_first() -> None:
    ctx = notelint.Context(
        interviewers=["Rita Izaguirre"], company="Jackson Spalding", topics=["the Atlanta office"]
    )
    v = builtin_variables(ctx, "en")
    assert (v["recipient"], v["first_name"], v["last_name"]) == (
        "Rita Izaguirre",
        "Rita",
        "Izaguirre",
    )
    assert (v["company"], v["topic"]) == ("Jackson Spalding", "the Atlanta office")
    assert builtin_variables(notelint.Context(), "de")["company"] == "Nordlicht Logistik"


def test_fill_offsets_round_trip() -> None:
    text = "x\n{{ a }} mid {{ b|upper }} end {{ zzz }}"
    f = fill(text, 2, {"a": "ALPHA", "b": "B"})
    assert f.text == "x\nALPHA mid B end {{ zzz }}"
    assert f.to_original(f.text.index("mid")) == text.index("mid")
    assert f.to_original(f.text.index("end")) == text.index("end")
    assert f.to_original(f.text.index("LPHA")) == text.index("{{ a }}")
    assert f.to_original(f.text.index(" mid"), end=True) == text.index(" mid")
    unknown = next(s for s in f.slots if not s.known)
    assert f.text[unknown.name_start : unknown.name_end] == "zzz"


def test_templates_glob_in_config(tmp_path: Path) -> None:
    # slots in matching files are variables, not leftovers (content rules judge other things)
    (tmp_path / "notelint.toml").write_text('templates = ["tpl/*.md"]\nselect = ["placeholder"]\n')
    (tmp_path / "tpl").mkdir()
    p = tmp_path / "tpl" / "a.md"
    p.write_text("Dear {{ recipient }},\n\nThanks for explaining {{ topic }}.\n")
    report = notelint.check_file(p)
    assert [f.rule for f in report.findings] == []
    q = tmp_path / "b.md"
    q.write_text(p.read_text())
    assert "placeholder" in {f.rule for f in notelint.check_file(q).findings}


def test_bad_template_variable_name_in_config_is_a_config_error(run_cli, write) -> None:
    cfg = write("notelint.toml", '[template-variables]\n"bad name" = "x"\n')
    note = write("n.md", "Dear Ms. Ortiz, thanks.\n")
    r = run_cli("check", "--config", str(cfg), str(note))
    assert r.code == 2
    assert "not a variable name" in r.err
