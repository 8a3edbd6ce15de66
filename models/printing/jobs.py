"""Print jobs: fetch what a notice needs through the services, build it, render it.

``NoticePrinter(ctx)`` is what the CLI and the GUI call. Each method returns the PDF bytes and
writes them to ``out`` when given (whole or not at all); nothing is written when the record is
missing or a character cannot be printed (``MissingGlyphError``, raised before drawing).
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import BinaryIO

from ..errors import CunwuError, NotFound, StateError
from ..output_files import write_output
from ..rules.footer import TABLE_KINDS, attached_entries
from ..rules.periods import PeriodError, parse_period
from ..services.catalog import CatalogService
from ..services.context import ServiceContext, chain_head
from ..services.setup import installation
from .document import Column, NoticeDocument, Para, PrintOptions, Table, date_cn
from .notices import catalog_notice, disclosure_notice, feedback_answer_notice, mask_document
from .render import render
from .settings import print_settings

Out = str | os.PathLike[str] | BinaryIO | None
#: ``progress(done, total, text)``: reported once per document while a month's bundle is prepared.
Progress = Callable[[int, int, str], None]
#: ``cancelled() -> bool``: polled between documents; True stops the job with :class:`PrintCancelled`.
Cancelled = Callable[[], bool]
#: ``opening(first)``: the first page alone, rendered once the whole is laid out and before it is drawn
#: (``first.data`` holds that page; ``first.pages`` is the whole's page count): a preview shows it
#: while the rest is drawn.
Opening = Callable[["PrintResult"], None]

_DUE_STATUS = {"upcoming": "未到期", "due": "应公开", "posted_on_time": "已按时公开",
               "posted_late": "逾期公开", "overdue": "逾期未公开"}


@dataclass(frozen=True)
class PrintResult:
    data: bytes
    documents: int
    pages: int
    title: str


class PrintCancelled(CunwuError):
    """The caller's ``cancelled()`` said stop; nothing was rendered or written."""

    def __init__(self, message: str = "已取消打印"):
        super().__init__(message)


def _period_label(text: str) -> str:
    try:
        return parse_period(text).label
    except PeriodError:
        return text


class NoticePrinter:
    """Builds and renders notices from the database; one short read per service call."""

    def __init__(self, ctx: ServiceContext, *, today: date | None = None):
        self.ctx = ctx
        self.today = today or date.today()

    # documents

    def disclosure_document(self, disclosure_id: int, options: PrintOptions | None = None, *,
                            unmasked: bool = False) -> NoticeDocument:
        from ..services.disclosures import DisclosureService

        if unmasked:  # refused before a single full ID number is laid out
            self.ctx.require("print.unmasked")
        service = DisclosureService(self.ctx)
        data = service.get(disclosure_id, checked=False)  # the notice lays out what is stored
        superseded = None
        if data.is_correction and data.supersedes:
            try:
                superseded = service.summary(data.supersedes)  # its title and date
            except NotFound:
                superseded = None
        item = self._item(data.item_code)
        return self._stamp(disclosure_notice(data, village=installation(self.ctx.db),
                                             settings=print_settings(self.ctx), item=item, options=options,
                                             unmasked=unmasked, superseded=superseded, today=self.today,
                                             attached=self._attached(service, data)))

    def _attached(self, service, data) -> dict[int, tuple]:
        """The records a notice attaches (``attached_tables``), each with its catalog item. A record
        gone or no longer a table is refused naming both records: nothing half-printed."""
        out: dict[int, tuple] = {}
        for entry in attached_entries(data.content):
            record_id = entry["record"]
            if record_id is None or record_id in out:
                continue
            try:
                table = service.get(record_id, checked=False)  # printed as stored, like the notice
            except NotFound:
                raise NotFound(f"公开记录 {data.id}《{data.title}》的附件：公开记录 {record_id} 不存在") from None
            if table.kind not in TABLE_KINDS:
                raise StateError(f"公开记录 {data.id}《{data.title}》的附件：公开记录 {record_id}《{table.title}》"
                                 f"不是表格（名单）类记录，不能作为附件表打印")
            out[record_id] = (table, self._item(table.item_code))
        return out

    def catalog_document(self, options: PrintOptions | None = None) -> NoticeDocument:
        items = CatalogService(self.ctx).list_items()
        if not items:
            raise StateError("目录中没有启用的公开事项，无可打印")
        return self._stamp(catalog_notice(items, village=installation(self.ctx.db),
                                          settings=print_settings(self.ctx), options=options, today=self.today))

    def feedback_document(self, feedback_id: int, options: PrintOptions | None = None) -> NoticeDocument:
        from ..services.feedback import FeedbackService

        feedback = FeedbackService(self.ctx).get(feedback_id)
        if not feedback.answer_text:
            raise StateError(f"群众意见 {feedback_id} 尚未答复，不能打印答复公告")
        return self._stamp(feedback_answer_notice(feedback, village=installation(self.ctx.db),
                                                  settings=print_settings(self.ctx), options=options))

    def survey_document(self, survey_id: int, what: str, options: PrintOptions | None = None, *,
                        base: str = "selections") -> NoticeDocument:
        """``what``: ``questionnaire`` (the paper form) or ``results`` (the result notice; ``base``
        for multiple choice: ``selections`` or ``respondents``)."""
        from ..services.surveys import SurveyService
        from .survey_notices import questionnaire_document, results_document

        service = SurveyService(self.ctx)
        village, settings = installation(self.ctx.db), print_settings(self.ctx)
        if what == "questionnaire":
            doc = questionnaire_document(service.get(survey_id), village=village, settings=settings, options=options)
        elif what == "results":
            results = service.results(survey_id)
            if not results.respondents:
                raise StateError(f"问卷 {survey_id} 还没有计入统计的答卷，不能打印结果")
            doc = results_document(results, village=village, settings=settings, options=options,
                                   base="respondents" if base == "respondents" else "selections", today=self.today)
        else:
            raise ValueError(f"unknown survey print {what!r}")
        return self._stamp(doc)

    def due_documents(self, year: int, month: int, options: PrintOptions | None = None, *,
                      unmasked: bool = False, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> list[NoticeDocument]:
        """A list sheet for the month (what was due, what was posted, its state), then every record
        posted in the month or on file for an item due in it, in order of date.

        ``progress`` hears of each document as it is prepared (``done`` of ``total``, where ``total``
        counts one more step for the rendering that follows); ``cancelled`` is asked before each one
        and stops the job with :class:`PrintCancelled`."""
        from ..services.disclosures import DisclosureService
        from ..services.schedule import ScheduleService

        if unmasked:
            self.ctx.require("print.unmasked")
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        due = ScheduleService(self.ctx).due(first, last, today=min(self.today, last))
        posted = [row for row in DisclosureService(self.ctx).list()
                  if row.posting_start is not None and first <= row.posting_start <= last]
        order: dict[int, date] = {}
        for row in posted:
            order[row.id] = row.posting_start
        for entry in due:
            if entry.disclosure_id is not None:
                order.setdefault(entry.disclosure_id, entry.posted_on or entry.due_date)
        if not due and not order:
            raise NotFound(f"{year}年{month}月没有应公开的事项，也没有公示的记录")
        ids = sorted(order, key=lambda i: (order[i], i))
        total = len(ids) + 2  # the list sheet, the notices, then rendering
        _check(cancelled)
        docs = [self._stamp(self._month_sheet(year, month, due, posted, options))]
        _report(progress, 1, total, docs[0].title)
        for i in ids:
            _check(cancelled)
            docs.append(self.disclosure_document(i, options, unmasked=unmasked))
            _report(progress, len(docs), total, docs[-1].title)
        return docs

    def _month_sheet(self, year: int, month: int, due, posted, options: PrintOptions | None) -> NoticeDocument:
        village = installation(self.ctx.db)
        rows: list[list[str]] = []
        listed: set[int] = set()
        for entry in due:
            rows.append([entry.item_name, entry.period_label, date_cn(entry.due_date),
                         _DUE_STATUS.get(entry.status, entry.status),
                         date_cn(entry.posted_on) if entry.posted_on else "",
                         str(entry.disclosure_id) if entry.disclosure_id is not None else "（无记录）"])
            if entry.disclosure_id is not None:
                listed.add(entry.disclosure_id)
        for row in posted:
            if row.id not in listed:
                rows.append([row.item_name, _period_label(row.period), "", "已公示", date_cn(row.posting_start),
                             str(row.id)])
        numbered = [[str(n), *r] for n, r in enumerate(rows, start=1)]
        table = Table([Column("序号", "center", wrap=False), Column("公开事项"), Column("期间"),
                       Column("应公开日期", "center", wrap=False), Column("状态", "center"),
                       Column("公示日期", "center", wrap=False), Column("记录编号", "center", wrap=False)],
                      numbered, name="本月清单")
        return mask_document(NoticeDocument(
            title=f"{year}年{month}月村务公开清单", subtitles=[f"{village.township or ''}{village.name}"],
            blocks=[Para(f"本月应公开事项与已公示记录如下，各公告附后（按日期排列）。打印日期：{date_cn(self.today)}。",
                         "plain"), table],
            options=options or PrintOptions(), source=f"{year}年{month}月公开清单"),
            print_settings(self.ctx).public_numbers)

    def _item(self, code: str):
        try:
            return CatalogService(self.ctx).get(code)
        except NotFound:
            return None

    # rendering

    def print_disclosure(self, disclosure_id: int, out: Out = None, options: PrintOptions | None = None, *,
                         unmasked: bool = False, opening: Opening | None = None) -> PrintResult:
        """``opening``: given the first page alone before the whole is drawn (see :data:`Opening`)."""
        doc = self.disclosure_document(disclosure_id, options, unmasked=unmasked)
        if unmasked:
            self._audit_unmasked([disclosure_id], out)
            return self._render_unmasked([doc], out, opening)
        return self._render([doc], out, opening)

    def print_catalog(self, out: Out = None, options: PrintOptions | None = None) -> PrintResult:
        return self._render([self.catalog_document(options)], out)

    def print_feedback(self, feedback_id: int, out: Out = None, options: PrintOptions | None = None) -> PrintResult:
        return self._render([self.feedback_document(feedback_id, options)], out)

    def print_survey(self, survey_id: int, what: str, out: Out = None, options: PrintOptions | None = None, *,
                     base: str = "selections") -> PrintResult:
        return self._render([self.survey_document(survey_id, what, options, base=base)], out)

    def print_due(self, year: int, month: int, out: Out = None, options: PrintOptions | None = None, *,
                  unmasked: bool = False, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> PrintResult:
        """The month's bundle. ``progress`` / ``cancelled`` as for :meth:`due_documents`; the last
        step reported is the rendering of the whole file."""
        docs = self.due_documents(year, month, options, unmasked=unmasked, progress=progress, cancelled=cancelled)
        _check(cancelled)
        _report(progress, len(docs), len(docs) + 1, "正在排版")
        if unmasked:
            self._audit_unmasked([], out, month=f"{year}-{month:02d}")
            result = self._render_unmasked(docs, out)
        else:
            result = self._render(docs, out)
        _report(progress, len(docs) + 1, len(docs) + 1, "完成")
        return result

    def _stamp(self, doc: NoticeDocument) -> NoticeDocument:
        """Every page carries the audit chain's head as it is when the document is built (see
        ``NoticeDocument.stamp``): paper on the board then witnesses the history up to it."""
        head = chain_head(self.ctx.db)
        return replace(doc, stamp=head.text) if head is not None else doc

    @staticmethod
    def _render(docs: list[NoticeDocument], out: Out, opening: Opening | None = None) -> PrintResult:
        rendered = render(docs, out, opening=_opening_of(docs, opening))
        return PrintResult(rendered.data, len(docs), rendered.page_count, docs[0].title)

    @staticmethod
    def _render_unmasked(docs: list[NoticeDocument], out: Out, opening: Opening | None = None) -> PrintResult:
        """An internal copy, after its audit event is committed: rendered in memory, then written to
        a 0600 temp file beside the target and renamed — a failure leaves no file and no temp."""
        rendered = render(docs, None, opening=_opening_of(docs, opening))
        if out is not None:
            if hasattr(out, "write"):
                out.write(rendered.data)  # type: ignore[union-attr]
            else:
                write_output(out, rendered.data, private=True)  # owner-only, by the one output rule
        return PrintResult(rendered.data, len(docs), rendered.page_count, docs[0].title)

    def _audit_unmasked(self, ids: list[int], out: Out, **detail) -> None:
        """An internal copy with full ID and bank numbers is about to leave the system: record who
        makes it first, committed before a byte is written (a kill afterwards leaves the trace)."""
        target = ",".join(str(i) for i in ids) or None
        with self.ctx.write("print.unmasked", target_type="disclosure", target_id=target,
                            permission="print.unmasked") as w:
            w.detail = {"out": str(out) if isinstance(out, str | os.PathLike) else None, **detail}


def _opening_of(docs: list[NoticeDocument], opening: Opening | None):
    """``opening`` as the renderer calls it (with a ``Rendered``)."""
    if opening is None:
        return None
    return lambda first: opening(PrintResult(first.data, len(docs), first.page_count, docs[0].title))


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled()


def _report(progress: Progress | None, done: int, total: int, text: str) -> None:
    if progress is not None:
        progress(done, total, text)


__all__ = ["NoticePrinter", "PrintCancelled", "PrintResult"]
