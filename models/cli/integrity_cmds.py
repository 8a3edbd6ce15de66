"""`cunwu check`, `cunwu log`, `cunwu backup`, `cunwu restore` (cli.md "Accounts, integrity, backup")."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import CliExit, Env, add_json_flag, print_json


def register(sub) -> None:
    p = sub.add_parser("check", help="检查数据库、附件与审计链是否完整、未被改动")
    p.add_argument("--fast", action="store_true", help="只做快速检查（审计链与记录状态），不逐条核对内容与附件")
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("log", help="查看审计记录（谁在何时做了什么）")
    p.add_argument("--record", type=int, metavar="ID", help="只看某条公开记录的")
    p.add_argument("--limit", type=int, metavar="N", help="只看最后 N 条")
    add_json_flag(p)
    p.set_defaults(handler=cmd_log)

    p = sub.add_parser("backup", help="备份数据库与附件")
    p.add_argument("--out", metavar="FILE", help="备份文件（.cwbak）；不指定则存入数据文件夹的轮换备份")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复（先检查备份，原数据库另存）")
    p.add_argument("file", metavar="FILE", help="备份文件（.cwbak）")
    add_json_flag(p)
    p.set_defaults(handler=cmd_restore)


def cmd_check(env: Env, args) -> int:
    from ..services.integrity import IntegrityService

    report = IntegrityService(env.ctx(), env.data_dir).check(full=not args.fast)
    if args.json:
        print_json(report.to_json())
    else:
        out = sys.stdout
        for p in report.problems:
            out.write(f"问题：{p.message}\n")
        for note in report.notes:
            out.write(f"说明：{note}\n")
        head = f"；{report.head.text}" if report.head else ""
        if report.ok:
            out.write(f"检查通过：未发现问题（核对记录 {report.records_checked} 条{head}）\n")
        else:
            out.write(f"发现 {len(report.problems)} 处问题{head}\n")
    return 0 if report.ok else 1


def cmd_log(env: Env, args) -> int:
    from ..services.audit_log import AuditLogService

    if args.limit is not None and args.limit < 1:
        sys.stderr.write("--limit 应为正整数\n")
        raise CliExit(2)
    entries = AuditLogService(env.ctx()).events(record=args.record, limit=args.limit)
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        target = f" {e.target_type}:{e.target_id}" if e.target_id else ""
        sealed = "  [内容已封存]" if e.sealed else ""
        sys.stdout.write(f"{e.id}\t{e.at.astimezone():%Y-%m-%d %H:%M:%S}\t{e.actor}\t{e.action_label}{target}"
                         f"\t{e.hash[:12]}{sealed}\n")
    return 0


def cmd_backup(env: Env, args) -> int:
    from ..services.backup import BackupService

    service = BackupService(env.ctx(), env.data_dir)
    info = service.backup(Path(args.out)) if args.out else service.backup_rotating("manual")
    if args.json:
        print_json(info.to_json())
    else:
        sys.stdout.write(f"已备份到 {info.path}（{info.size // 1024} KB，附件 {info.attachments} 个）\n")
        if info.copied_to:
            sys.stdout.write(f"另存一份到 {info.copied_to}\n")
        if info.extra_problem:
            sys.stderr.write(info.extra_problem + "\n")
    return 0


def cmd_restore(env: Env, args) -> int:
    from ..services.backup import BackupService, restore

    if env.db_path.exists():
        result = BackupService(env.ctx(), env.data_dir).restore(Path(args.file))
    else:  # a new computer: nothing to replace, nobody to authenticate against yet
        from ..services.context import Actor

        result = restore(Path(args.file), env.db_path, env.data_dir, Actor(env.user or "管理员", "admin"))
    if args.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(f"已从 {result.restored_from} 恢复（备份时间 {result.created}）\n")
        if result.replaced_kept_at:
            sys.stdout.write(f"原数据库已另存为 {result.replaced_kept_at}\n")
    return 0
