"""The month's bundle reports its progress per document and stops between documents when asked."""

from __future__ import annotations

import pytest

from models.printing.jobs import PrintCancelled

from .test_notices import env, roster_rows  # noqa: F401  (env is a fixture)


def _month(env):  # noqa: F811
    _ctx, svc, post, printer = env
    post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(30)))
    post(svc.create("GG-01", "2026-07-10", "关于村委会换届选举的公告", body="定于八月选举。"), start="2026-07-12")
    return printer


def test_progress_is_reported_per_document_then_for_the_rendering(env, tmp_path):  # noqa: F811
    printer = _month(env)
    reports: list[tuple[int, int, str]] = []
    out = tmp_path / "month.pdf"
    result = printer.print_due(2026, 7, out, progress=lambda *r: reports.append(r))
    assert result.documents == 3
    assert reports == [(1, 4, "2026年7月村务公开清单"), (2, 4, "关于村委会换届选举的公告"),
                       (3, 4, "耕地地力保护补贴名单公示"), (3, 4, "正在排版"), (4, 4, "完成")]
    assert out.exists()
    assert printer.print_due(2026, 7).data == result.data  # the callbacks change nothing printed


def test_cancel_between_documents_writes_nothing(env, tmp_path):  # noqa: F811
    printer = _month(env)
    reports: list[tuple[int, int, str]] = []
    out = tmp_path / "month.pdf"
    with pytest.raises(PrintCancelled) as stopped:
        printer.print_due(2026, 7, out, progress=lambda *r: reports.append(r), cancelled=lambda: len(reports) >= 2)
    assert stopped.value.message == "已取消打印"
    assert [r[0] for r in reports] == [1, 2]
    assert not out.exists()
