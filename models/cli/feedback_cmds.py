"""`cunwu feedback add|answer|list` — villagers' questions on posted notices and their answers."""

from __future__ import annotations

import sys

from ..services.feedback import FeedbackService
from .common import Env, add_json_flag, count_arg, date_arg, print_json


def register(sub) -> None:
    p = sub.add_parser("feedback", help="群众意见（异议）登记与答复")
    fsub = p.add_subparsers(dest="feedback_command", metavar="ACTION")

    ap = fsub.add_parser("add", help="登记对某条已公示记录的意见")
    ap.add_argument("id", type=count_arg, metavar="ID", help="公开记录编号")
    ap.add_argument("--text", required=True, help="意见内容")
    ap.add_argument("--received", type=date_arg, metavar="DATE", help="收到日期 YYYY-MM-DD（默认今天）")
    ap.add_argument("--from", dest="from_name", help="反映人")
    add_json_flag(ap)
    ap.set_defaults(handler=cmd_add)

    rp = fsub.add_parser("answer", help="答复意见")
    rp.add_argument("feedback_id", type=count_arg, metavar="FEEDBACK_ID")
    rp.add_argument("--text", required=True, help="答复内容")
    rp.add_argument("--on", type=date_arg, metavar="DATE", help="答复日期 YYYY-MM-DD（默认今天）")
    add_json_flag(rp)
    rp.set_defaults(handler=cmd_answer)

    lp = fsub.add_parser("list", help="列出群众意见")
    lp.add_argument("--overdue", action="store_true", help="只列逾期未答复的")
    add_json_flag(lp)
    lp.set_defaults(handler=cmd_list)


def cmd_add(env: Env, args) -> int:
    received = args.received
    fb = FeedbackService(env.ctx()).add(args.id, args.text, received=received, from_name=args.from_name)
    if args.json:
        print_json({"id": fb.id, "answer_due": fb.answer_due.isoformat()})
    else:
        sys.stdout.write(f"{fb.id}\n")
    return 0


def cmd_answer(env: Env, args) -> int:
    on = args.on
    fb = FeedbackService(env.ctx()).answer(args.feedback_id, args.text, on=on)
    if args.json:
        print_json(fb.to_json())
    else:
        late = "（逾期答复）" if fb.answered_late else ""
        sys.stdout.write(f"已答复意见 {fb.id}：{fb.answered_on.isoformat()}{late}\n")
    return 0


def cmd_list(env: Env, args) -> int:
    items = FeedbackService(env.ctx()).list(overdue_only=args.overdue)
    if args.json:
        print_json([f.to_json() for f in items])
        return 0
    if not items:
        sys.stdout.write("（无）\n")
    for f in items:
        who = f.from_name or "匿名"
        answered = f"答复于 {f.answered_on.isoformat()}" if f.answered_on else f"应于 {f.answer_due.isoformat()} 前答复"
        sys.stdout.write(f"{f.id}\t{f.state_label}\t记录 {f.disclosure_id}《{f.disclosure_title}》\t{who}\t"
                         f"收到 {f.received_on.isoformat()}\t{answered}\t{f.text}\n")
    return 0
