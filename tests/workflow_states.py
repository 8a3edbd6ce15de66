"""Records put into every state the workflow table distinguishes, through the services (never the
widgets under test): the seven statuses, plus a posted record already superseded by a posted
correction and one with a correction under way — the states where a row's condition decides.

Used by the service walk (tests/models/services/test_workflow_walk.py) and the GUI walk
(tests/desktop/test_workflow_buttons.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from models.services.attachments import AttachmentService
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

STATES = ("draft", "submitted", "approved", "returned", "posted", "posted_superseded", "posted_correcting",
          "expired", "archived")
# The status each state shows (the table's key for it).
STATUS_OF = {"posted_superseded": "posted", "posted_correcting": "posted"}
REVIEWER = "李监委"


@dataclass(frozen=True)
class Made:
    id: int
    attachment_id: int  # an attachment added while it was a draft


def make_in_state(drafter: DisclosureService, reviewer: DisclosureService, attachments: AttachmentService,
                  state: str, *, item: str, period: str, today: date, evidence: Path) -> Made:
    """A notice in `state` as of `today`: posted two days ago for `today`-valid windows, a month ago
    (and its expiry written) for the expired and archived ones."""
    assert state in STATES, state
    d = drafter.create(item, period, f"{period} 村务公告（{state}）", body="经村民代表会议讨论通过。")
    attachment = attachments.add(d.id, evidence, kind="receipt")
    made = Made(d.id, attachment.id)
    if state == "draft":
        return made
    drafter.submit(d.id)
    if state == "submitted":
        return made
    if state == "returned":
        reviewer.return_(d.id, REVIEWER, "请补充会议记录")
        return made
    reviewer.approve(d.id, REVIEWER, "同意公开")
    if state == "approved":
        return made
    if state in ("expired", "archived"):
        drafter.post(d.id, start=today - timedelta(days=30), days=7)
        drafter.expire_due(today)
        if state == "archived":
            drafter.archive(d.id)
        return made
    drafter.post(d.id, start=today - timedelta(days=2), days=7)
    if state == "posted_correcting":
        drafter.correct(d.id)
    elif state == "posted_superseded":
        c = drafter.correct(d.id)
        drafter.submit(c.id)
        reviewer.approve(c.id, REVIEWER)
        drafter.post(c.id, start=today, days=7)
    return made


@dataclass(frozen=True)
class Services:
    drafter: DisclosureService
    reviewer: DisclosureService  # another person: the reviewer is never the drafter
    attachments: AttachmentService
    feedback: FeedbackService
    evidence: Path  # a file to attach
    today: date

    def make(self, state: str, *, item: str, period: str) -> Made:
        return make_in_state(self.drafter, self.reviewer, self.attachments, state, item=item, period=period,
                             today=self.today, evidence=self.evidence)

    def do(self, step: str, made: Made) -> None:
        """Take `step` on the record through its service, as the GUI and the CLI do."""
        d, r = self.drafter, self.reviewer
        {
            "edit": lambda: d.update(made.id, title="改过的标题"),
            "submit": lambda: d.submit(made.id),
            "approve": lambda: r.approve(made.id, REVIEWER, "同意"),
            "return": lambda: r.return_(made.id, REVIEWER, "数字有误"),
            "post": lambda: d.post(made.id, start=self.today, days=7),
            "archive": lambda: d.archive(made.id),
            "correct": lambda: d.correct(made.id),
            "delete": lambda: d.delete(made.id),
            "attach": lambda: self.attachments.add(made.id, self.evidence, kind="board_photo"),
            "detach": lambda: self.attachments.remove(made.attachment_id),
            "feedback": lambda: self.feedback.add(made.id, "第三户的补助为什么少了？", from_name="张三"),
        }[step]()


def services(db, ctx, data_dir: Path, tmp_path: Path, today: date) -> Services:
    from models.services.context import Actor, ServiceContext

    evidence = tmp_path / "收据.pdf"
    evidence.write_bytes(b"%PDF-1.4 receipt")
    return Services(DisclosureService(ctx, clock=lambda: today),
                    DisclosureService(ServiceContext(db, Actor(REVIEWER, "reviewer")), clock=lambda: today),
                    AttachmentService(ctx, data_dir, clock=lambda: today), FeedbackService(ctx, clock=lambda: today),
                    evidence, today)
