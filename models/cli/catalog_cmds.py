"""`cunwu catalog list|import|export`."""

from __future__ import annotations

import sys

from ..services.catalog import CatalogService
from .common import Env, add_json_flag, print_json


def register(sub) -> None:
    p = sub.add_parser("catalog", help="公开事项目录")
    csub = p.add_subparsers(dest="catalog_command", metavar="ACTION")
    lp = csub.add_parser("list", help="列出目录事项")
    add_json_flag(lp)
    lp.add_argument("--all", action="store_true", help="包括已停用的事项")
    lp.set_defaults(handler=cmd_list)
    ip = csub.add_parser("import", help="从 xlsx、xls 或 ods 导入目录（按编号合并）")
    ip.add_argument("file")
    ip.set_defaults(handler=cmd_import)
    ep = csub.add_parser("export", help="导出目录为 xlsx（标准目录格式）")
    ep.add_argument("file")
    ep.set_defaults(handler=cmd_export)


def cmd_list(env: Env, args) -> int:
    items = CatalogService(env.ctx()).list_items(include_retired=args.all)
    if args.json:
        print_json([i.to_json() for i in items])
    else:
        for i in items:
            state = "" if i.active else "（已停用）"
            sys.stdout.write(f"{i.code}\t{i.group}\t{i.name}\t{i.timing_text}{state}\n")
    return 0


def cmd_import(env: Env, args) -> int:
    from ..exchange.catalog_xlsx import import_catalog_xlsx
    from ..services.backup import BackupService

    ctx = env.ctx()
    BackupService(ctx, env.data_dir).backup_if_due("import")
    result = import_catalog_xlsx(ctx, args.file)
    sys.stdout.write(
        f"已导入：新增 {len(result.added)} 项，更新 {len(result.updated)} 项，未变 {len(result.unchanged)} 项\n")
    return 0


def cmd_export(env: Env, args) -> int:
    from ..exchange.catalog_xlsx import export_catalog_xlsx

    n = export_catalog_xlsx(env.ctx(), args.file)
    sys.stdout.write(f"已导出 {n} 项到 {args.file}\n")
    return 0
