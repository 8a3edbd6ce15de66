"""`cunwu init` and `cunwu templates`."""

from __future__ import annotations

import sys

from ..rules.periods import month_period, month_text
from ..services.settings import SettingsService
from ..services.setup import initialize
from ..services.templates import default_template_id, list_templates
from .common import Env, add_json_flag, month_arg, new_password, print_json


def register(sub) -> None:
    p = sub.add_parser("init", help="新建数据库并完成初始设置",
                       description="新建数据库并完成初始设置。数据库先在目标旁的临时文件中建好，再一次改名到位。"
                                   "已在使用的数据库或别的程序的文件一律拒绝、不改动；空文件（0 字节）和旧版本"
                                   "中途被结束留下的“初始化未完成”的数据库会被识别并替换。")
    p.add_argument("--mode", required=True, choices=["village", "township"], help="village（村）或 township（乡镇）")
    p.add_argument("--code", required=True, help="统计用区划代码：村 12 位，乡镇 9 位")
    p.add_argument("--name", required=True, help="村（社区）或乡镇（街道）名称")
    p.add_argument("--township", help="所属乡镇（街道）")
    p.add_argument("--template", help="目录模板编号，或 none 表示空目录（默认：对应模式的标准模板）")
    p.add_argument("--operator", help="操作员姓名（默认：--admin、--user 或“管理员”）")
    p.add_argument("--since", type=month_arg, metavar="YYYY-MM",
                   help="本程序从哪个月起记录本村的公开（默认本月）；此前的公开不算逾期")
    p.add_argument("--admin", help="同时新增第一个村干部（admin）账户，此后须登录才能操作"
                                   "（密码取自 CUNWU_NEW_PASSWORD 或提示输入）")
    add_json_flag(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("templates", help="列出随程序提供的目录模板")
    add_json_flag(p)
    p.set_defaults(handler=cmd_templates)


def cmd_init(env: Env, args) -> int:
    template = args.template
    if template is None:
        template = default_template_id(args.mode)
    elif template.lower() == "none":
        template = None
    admin = args.admin.strip() if args.admin else None
    operator = args.operator or admin or env.user or "管理员"
    password = new_password(admin) if admin else None
    db = initialize(env.db_path, mode=args.mode, code=args.code, name=args.name, township=args.township,
                    operator=operator, template_id=template, since=args.since, admin=admin,
                    admin_password=password)
    from ..services.catalog import CatalogService
    from ..services.context import Actor, ServiceContext

    ctx = ServiceContext(db, Actor(operator))  # reads only: no one need sign in
    count = CatalogService(ctx).count()
    since = SettingsService(ctx).get("schedule.since")
    db.dispose()
    if args.json:
        print_json({"db": str(env.db_path), "mode": args.mode, "code": args.code, "name": args.name,
                    "template": template, "items": count, "since": month_text(since), "admin": admin})
    else:
        sys.stdout.write(f"已创建数据库 {env.db_path}：{args.name}（{args.code}），目录事项 {count} 项，"
                         f"从 {month_period(since.year, since.month).label}起记录\n")
        if admin:
            sys.stdout.write(f"已新增村干部账户“{admin}”；此后每条命令须登录：--user {admin}，密码取自 CUNWU_PASSWORD\n")
    return 0


def cmd_templates(env: Env, args) -> int:
    templates = list_templates()
    if args.json:
        print_json([t.to_json() for t in templates])
    else:
        for t in templates:
            sys.stdout.write(f"{t.id}\t{t.name}\t{t.items} 项\n")
    return 0
