"""Kinds are a registry: each names its check and totals (models.rules.kinds.KIND_RULES), its
editor (desktop.editors.kind_editors.EDITORS) and its printer (models.printing.notices.PRINTERS).
A kind missing any entry fails here — nothing silently falls back to the plain notice."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtGui import QUndoStack

from desktop.editors.kind_editors import EDITORS, KindEditor, editor_for
from models.printing.notices import PRINTERS
from models.rules.catalog_terms import KINDS
from models.rules.kinds import KIND_RULES, check_disclosure, compute_totals


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_its_check_totals_editor_and_printer(kind):
    assert kind in KIND_RULES, f"{kind}: no check/totals in models.rules.kinds.KIND_RULES"
    rules = KIND_RULES[kind]
    assert callable(rules.check) and callable(rules.totals)
    assert kind in PRINTERS, f"{kind}: no printer in models.printing.notices.PRINTERS"
    assert kind in EDITORS, f"{kind}: no editor in desktop.editors.kind_editors.EDITORS"
    module, name = EDITORS[kind]
    cls = getattr(importlib.import_module(f"desktop.editors.kind_editors.{module}"), name)
    assert issubclass(cls, KindEditor)
    # the registry is what the record's check and totals go through
    found = check_disclosure(kind, title="", body="", content={}, rows=[], columns=None)
    assert any(f.field == "title" for f in found)  # every kind checks its title
    assert "rows" in compute_totals(kind, content={}, rows=[])


def test_registries_name_the_same_kinds():
    assert set(KIND_RULES) == set(KINDS) == set(PRINTERS) == set(EDITORS)


def test_an_unknown_kind_is_refused_everywhere(qtbot):
    assert check_disclosure("funds_x", title="t")[0].rule == "kind"
    with pytest.raises(ValueError, match="编辑器"):
        editor_for("funds_x", QUndoStack(), None)
