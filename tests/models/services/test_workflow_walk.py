"""Every (state, step) pair of the workflow table through the services: where the table allows the
step the record ends in the row's status (or the step's effect is there: a correction drafted, a
draft gone, an attachment added or removed, a question registered); where it refuses, the service
raises StateError with exactly the table's refusal and nothing changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.errors import NotFound, StateError
from models.rules import workflow as W
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.disclosures import DisclosureService
from tests import db_templates
from tests.conftest import EMPTY_VILLAGE
from tests.workflow_states import STATES, STATUS_OF, services

TODAY = date(2026, 7, 20)


def _add_item(ctx) -> None:
    CatalogService(ctx).add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"),
                                     posting_days=7))


@pytest.fixture
def walk(empty_village, data_dir, tmp_path):
    db, ctx = empty_village
    _add_item(ctx)
    return services(db, ctx, data_dir, tmp_path, TODAY)


def _village_with_a_record_in(state: str):
    """Builds a data folder: the empty village, the item, one record put into `state` (with an attachment
    added while it was a draft) through the services; returns the record."""
    def build(folder):
        from models.services.context import Actor, ServiceContext

        db = db_templates.initialized(folder / "cunwu.sqlite3", **EMPTY_VILLAGE)
        try:
            ctx = ServiceContext(db, Actor("王文书"))
            _add_item(ctx)
            return services(db, ctx, folder, folder.parent, TODAY).make(state, item="GG-01", period="2026-07-18")
        finally:
            db.dispose()
    return build


@pytest.fixture
def walked(db_path, data_dir, tmp_path, state):
    """(walk, made): the test's own copy of a village whose record is in `state` — the record is put
    into each state once per session, and each (state, step) pair takes its step on a fresh copy."""
    from models.services.context import Actor, ServiceContext
    from models.storage import open_database

    made = db_templates.prepared(data_dir, f"workflow-walk:{state}", _village_with_a_record_in(state))
    db = open_database(db_path)
    yield services(db, ServiceContext(db, Actor("王文书")), data_dir, tmp_path, TODAY), made
    db.dispose()


def test_the_walk_covers_every_step_people_take():
    assert set(W.STEPS) == {"edit", "submit", "approve", "return", "post", "archive", "correct", "delete",
                            "attach", "detach", "feedback"}


@pytest.mark.parametrize("step", W.STEPS)
@pytest.mark.parametrize("state", STATES)
def test_every_state_and_step_through_the_service(walked, state, step):
    walk, made = walked
    before = walk.drafter.get(made.id)
    assert before.status == STATUS_OF.get(state, state)
    decision = W.check(step, before.facts)

    if decision.refusal is not None:
        with pytest.raises(StateError) as refused:
            walk.do(step, made)
        assert str(refused.value) == decision.refusal.text
        after = walk.drafter.get(made.id)
        assert (after.status, after.title, after.attachments) == (before.status, before.title, before.attachments)
        assert len(after.history) == len(before.history)
        return

    walk.do(step, made)
    if decision.target is None:  # a discarded draft
        with pytest.raises(NotFound):
            walk.drafter.get(made.id)
        return
    after = walk.drafter.get(made.id)
    assert after.status == decision.target
    if decision.target != before.status:
        assert after.history[-1].status == decision.target
    elif step == "edit":
        assert after.title == "改过的标题"
    elif step == "correct":
        assert after.pending_correction is not None
        assert walk.drafter.get(after.pending_correction).supersedes == made.id
    elif step == "attach":
        assert after.attachments == before.attachments + 1
    elif step == "detach":
        assert after.attachments == before.attachments - 1
    elif step == "feedback":
        assert [f.disclosure_id for f in walk.feedback.list(today=TODAY, disclosure_id=made.id)] == [made.id]


def test_expiry_is_the_table_row_and_written_by_the_program(walk):
    made = walk.make("posted", item="GG-01", period="2026-07-18")
    later = DisclosureService(walk.drafter.ctx, clock=lambda: TODAY + timedelta(days=30))
    assert later.get(made.id).status == "expired" and later.get(made.id).stored_status == "posted"
    assert later.expire_due() == [made.id]
    assert later.get(made.id).history[-1].status == W.transition("posted", "expire").target == "expired"
