"""The batch plan of notelint.dask: company groups and stand-ins, without a cluster."""

from __future__ import annotations

import pytest

pytest.importorskip("dask")

from notelint.dask._plan import SPREAD, FirstName, build_plan, first_names, note_keys


def test_a_later_note_naming_two_companies_joins_their_groups() -> None:
    # "Acme" and "Initech" are first named by different notes; only a later note names both
    links = [["acme"], ["initech"], ["globex"], ["acme", "initech"]]
    plan = build_plan([], links)
    assert plan.groups["acme"] == plan.groups["initech"] != plan.groups["globex"]
    assert plan.group_of(["ACME Inc."], "n1") == plan.groups["acme"]
    assert plan.group_of([], "n9") >= SPREAD  # no company: spread by id


def test_first_names_keep_the_earliest_note_in_run_order() -> None:
    rows = [
        (5, "b.md", "{}", ["Acme", "Globex"]),
        (2, "a.md", "{}", ["Globex"]),
        (9, "c.md", "{}", ["Acme"]),
    ]
    got = first_names(rows)
    assert [(f.name, f.path) for f in got] == [("Globex", "a.md"), ("Acme", "b.md")]
    # merging partitions' firsts is order-independent
    plan = build_plan([*reversed(got), FirstName("Acme", 7, 0, "x.md", "{}")], [])
    assert [(f.name, f.order) for f in plan.firsts] == [("Globex", 2), ("Acme", 5)]


def test_note_keys_fold_legal_forms_and_drop_empty_names() -> None:
    assert note_keys(["ACME Inc.", "acme", "GmbH"]) == ["acme"]
