"""`cunwu due` — what is due, posted, late or overdue.

`--on D` (default: today): everything due in D's month plus every entry still overdue from before it,
statuses as of D. `--from A --to B`: entries due in [A, B], statuses as of today. The human output
adds a section of villagers' questions overdue for an answer; `--json` prints the entries only.
"""

from __future__ import annotations

import sys
from datetime import date

from ..errors import CunwuError
from ..rules.periods import month_period
from ..services.feedback import FeedbackService
from ..services.schedule import DueEntry, ScheduleService
from .common import CliExit, Env, add_json_flag, date_arg, print_json


def usage_error(message: str) -> None:
    sys.stderr.write(f"用法错误：{message}\n")
    raise CliExit(2)


def register(sub) -> None:
    p = sub.add_parser("due", help="应公开事项：到期、已公开、逾期")
    p.add_argument("--on", type=date_arg, metavar="DATE",
                   help="查看某日（YYYY-MM-DD）：当月应公开的事项及此前仍逾期的事项（默认今天）")
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE", help="起始日期（与 --to 一起使用）")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE", help="截止日期（与 --from 一起使用）")
    add_json_flag(p)
    p.set_defaults(handler=cmd_due)


def cmd_due(env: Env, args) -> int:
    if args.on is not None and (args.date_from is not None or args.date_to is not None):
        usage_error("--on 不能与 --from/--to 同时使用")
    if (args.date_from is None) != (args.date_to is None):
        usage_error("--from 和 --to 须同时给出")
    service = ScheduleService(env.ctx())
    if args.date_from is not None:
        start, end = args.date_from, args.date_to
        if end < start:
            raise CunwuError(f"截止日期 {end.isoformat()} 早于起始日期 {start.isoformat()}")
        as_of = date.today()
        entries = service.due(start, end, today=as_of)
        heading = f"{start.isoformat()} 至 {end.isoformat()} 应公开的事项（状态截至 {as_of.isoformat()}）"
    else:
        as_of = args.on if args.on is not None else date.today()
        start, end = as_of, as_of
        entries = service.due_on(as_of)
        heading = f"{as_of.year}年{as_of.month}月应公开的事项及此前逾期未公开的事项（截至 {as_of.isoformat()}）"
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0

    out = sys.stdout
    notice = service.fallback_notice(min(start, as_of), max(end, as_of))
    if notice:
        out.write(f"注意：{notice}\n")
    out.write(f"{heading}\n")
    since = service.since()
    if min(start, as_of.replace(day=1)) < since:
        out.write(f"（本程序从 {month_period(since.year, since.month).label}起记录；此前的公开不在统计之内）\n")
    if not entries:
        out.write("（无）\n")
    for e in entries:
        out.write(_line(e) + "\n")
    overdue = FeedbackService(env.ctx()).list(overdue_only=True, today=as_of)
    out.write(f"\n逾期未答复的群众意见（截至 {as_of.isoformat()}）\n")
    if not overdue:
        out.write("（无）\n")
    for f in overdue:
        who = f.from_name or "匿名"
        late = (as_of - f.answer_due).days
        out.write(f"意见 {f.id}\t记录 {f.disclosure_id}《{f.disclosure_title}》\t{who}\t"
                  f"收到 {f.received_on.isoformat()}\t应答复 {f.answer_due.isoformat()}\t逾期 {late} 天\t{f.text}\n")
    return 0


def _line(e: DueEntry) -> str:
    parts = [e.due_date.isoformat(), e.status_label, e.item_code, e.item_name, e.period_label]
    if e.days_late:
        parts.append(f"{'逾期' if e.status == 'overdue' else '晚'} {e.days_late} 天")
    if e.posted_on:
        parts.append(f"公示于 {e.posted_on.isoformat()}")
    parts.append(f"记录 {e.disclosure_id}" if e.disclosure_id is not None else "尚无记录")
    return "\t".join(parts)
