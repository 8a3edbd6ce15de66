"""`cunwu disclosure new|list|show|submit|approve|return|post|correct|archive` (cli.md, 公开记录)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..errors import CunwuError, Problem, ValidationError
from ..rules import kinds as K
from ..rules import workflow as W
from ..rules.catalog_terms import KINDS
from ..services.disclosures import DisclosureData, DisclosureService
from .common import CliExit, Env, add_json_flag, count_arg, date_arg, days_arg, print_json


def register(sub) -> None:
    p = sub.add_parser("disclosure", help="公开记录：新建、审核、公示、更正、归档")
    dsub = p.add_subparsers(dest="disclosure_command", metavar="ACTION")

    np = dsub.add_parser("new", help=f"新建公开记录（{W.label(W.INITIAL_STATUS)}）")
    np.add_argument("--item", required=True, help="目录事项编号")
    np.add_argument("--period", required=True, help="期间：2026-M11、2026-Q3、2026 或事项日期 2026-07-18")
    np.add_argument("--title", required=True, help="标题")
    np.add_argument("--kind", choices=KINDS, help="记录类型（默认取目录事项的类型；用 --from 时为 roster）")
    np.add_argument("--from", dest="from_file", metavar="FILE", help="从 xlsx、xls、ods 或 csv 读入名单")
    np.add_argument("--map", dest="map_spec", metavar="SPEC", help="列对应，如 name=姓名,id_number=身份证号,amount=金额")
    np.add_argument("--content-file", dest="content_file", metavar="FILE.json", help="结构化内容（JSON）")
    np.add_argument("--body-file", dest="body_file", metavar="FILE", help="正文（文本文件）")
    np.add_argument("--event-date", dest="event_date", type=date_arg, metavar="DATE", help="信息形成日期（限期公开事项）")
    add_json_flag(np)
    np.set_defaults(handler=cmd_new)

    lp = dsub.add_parser("list", help="列出公开记录")
    lp.add_argument("--status", choices=W.STATUS_KEYS, help="状态")
    lp.add_argument("--item", help="目录事项编号")
    lp.add_argument("--period", help="期间")
    lp.add_argument("--kind", choices=KINDS, help="记录类型")
    lp.add_argument("--query", default="", help="按标题、事项查找（汉字、拼音或首字母）")
    lp.add_argument("--limit", type=count_arg, help="最多列出几条")
    add_json_flag(lp)
    lp.set_defaults(handler=cmd_list)

    sp = dsub.add_parser("show", help="显示一条公开记录")
    sp.add_argument("id", type=count_arg)
    add_json_flag(sp)
    sp.set_defaults(handler=cmd_show)

    for name, help_text, handler in (
        ("submit", "提交监委会审核", cmd_submit),
        ("correct", "起草更正公告（公示后的记录）", cmd_correct),
        ("archive", f"归档（{W.label('expired')}后）", cmd_archive),
    ):
        ap = dsub.add_parser(name, help=help_text)
        ap.add_argument("id", type=count_arg)
        add_json_flag(ap)
        ap.set_defaults(handler=handler)

    ap = dsub.add_parser("approve", help=W.step_label("approve"))
    ap.add_argument("id", type=count_arg)
    ap.add_argument("--reviewer", help="审核人（监委会成员，不能是起草人）。已设置账户时审核人就是登录账户，"
                                       "可省略；如填写须与之一致")
    ap.add_argument("--opinion", help="审核意见")
    ap.add_argument("--on", type=date_arg, metavar="DATE", help="审核日期（默认今天）")
    add_json_flag(ap)
    ap.set_defaults(handler=cmd_approve)

    rp = dsub.add_parser("return", help="退回修改")
    rp.add_argument("id", type=count_arg)
    rp.add_argument("--reviewer", help="退回人（已设置账户时就是登录账户，可省略；如填写须与之一致）")
    rp.add_argument("--reason", required=True, help="退回理由")
    rp.add_argument("--on", type=date_arg, metavar="DATE", help="日期（默认今天）")
    add_json_flag(rp)
    rp.set_defaults(handler=cmd_return)

    pp = dsub.add_parser("post", help=W.step_label("post"))
    pp.add_argument("id", type=count_arg)
    pp.add_argument("--start", type=date_arg, metavar="DATE", help="公示开始日期（默认今天）")
    pp.add_argument("--days", type=days_arg, help="公示天数（默认为事项规定的最低公示期，不得少于它）")
    add_json_flag(pp)
    pp.set_defaults(handler=cmd_post)

    ep = dsub.add_parser("expire", help=f"把公示期已满的记录标为“{W.label('expired')}”")
    ep.add_argument("--on", type=date_arg, metavar="DATE", help="以哪天为今天（默认今天）")
    add_json_flag(ep)
    ep.set_defaults(handler=cmd_expire)


def _service(env: Env) -> DisclosureService:
    return DisclosureService(env.ctx())


# --- reading input files ----------------------------------------------------------------------

def _read_text(path: str, what: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise CunwuError(f"找不到{what}：{path}")
    data = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise CunwuError(f"{what} {path} 既不是 UTF-8 也不是 GBK 编码，无法读取")


def read_content_file(path: str) -> dict[str, Any]:
    """Structured content from JSON; numbers (JSON numbers or strings) stay exact as Decimal, and
    what no content may hold (NaN, 1e999999, deep nesting) is refused naming the file and line."""
    from ..exchange.json_input import read_document

    return read_document(path, what="内容文件")


def _problem_line(p: Any) -> str:
    located = getattr(p, "located", None)
    return located() if callable(located) else str(p)


def _read_roster(path: str, map_spec: str | None, *, remembered: dict | None = None,
                 preset_keys: list[Any] | None = None, limits: Any = None,
                 overrides: Any = None) -> tuple[list[dict[str, Any]], list[Any] | None, dict, dict]:
    from ..exchange.roster_import import parse_map_spec, read_roster

    try:
        # --map wins; else the mapping confirmed last time for this catalog item, for the columns
        # this file has; else header guessing.
        mapping = parse_map_spec(map_spec) if map_spec else None
    except ValueError as exc:
        raise CunwuError(f"--map 有误：{exc}") from None
    result = read_roster(path, mapping, preset_keys, limits=limits, remembered=None if map_spec else remembered,
                         overrides=overrides)
    # read_roster has parsed every row and run the roster checks (check digits, area × rate …).
    if result.problems:
        sys.stderr.write(f"名单文件 {path} 有 {len(result.problems)} 处错误，未新建记录：\n")
        for p in result.problems:
            sys.stderr.write(_problem_line(p) + "\n")
        raise CliExit(1)
    if not result.rows:
        raise CunwuError(f"名单文件 {path} 没有任何行，未新建记录")
    for w in result.warnings:
        sys.stderr.write("提示：" + _problem_line(w) + "\n")
    columns = list(result.table_columns or result.columns) or None
    return list(result.rows), columns, dict(result.mapping or {}), dict(result.stated_totals)


# --- commands ---------------------------------------------------------------------------------

def _refused_columns(path: str, exc: Any) -> ValidationError:
    """A content file's ``columns`` entry that breaks a column rule: named by file, entry, column
    and rule; nothing is written."""
    return ValidationError([Problem(str(exc), file=Path(path).name, rule=exc.rule)],
                           summary=f"内容文件 {path} 的 columns 有误，未新建记录")


def cmd_new(env: Env, args) -> int:
    from ..rules import roster as R

    content = read_content_file(args.content_file) if args.content_file else None
    body = _read_text(args.body_file, "正文文件") if args.body_file else ""
    rows = columns = None
    used_mapping: dict = {}
    kind = args.kind
    # A table's columns as the content file says them (label, unit, type …): stored with the
    # record's columns, not in its content.
    overrides = content.pop("columns") if content and "columns" in content else None
    if args.from_file:
        if kind not in (None, "roster"):
            raise CunwuError(f"--from 读入的是名单，记录类型应为 roster，不是 {kind}")
        kind = "roster"
        from ..services.catalog import CatalogService
        from ..services.import_mappings import mapping_for
        from ..services.settings import SettingsService

        ctx = env.ctx()
        item = CatalogService(ctx).get(args.item)
        preset_keys = R.preset_columns(item.roster_preset) if item.roster_preset else None
        try:
            rows, columns, used_mapping, stated = _read_roster(
                args.from_file, args.map_spec, remembered=mapping_for(ctx, args.item), preset_keys=preset_keys,
                limits=SettingsService(ctx).input_limits(), overrides=overrides)
        except R.ColumnRuleError as exc:
            raise _refused_columns(args.content_file, exc) from None
        if stated:  # the file's own 合计 row: checked against the rows on the record (submit)
            content = {**(content or {}), "stated_totals": stated}
    elif overrides is not None:
        from ..services.catalog import CatalogService

        item = CatalogService(env.ctx()).get(args.item)
        if (kind or item.default_kind) != "roster":
            raise _refused_columns(args.content_file, R.ColumnRuleError(
                "kind", f"columns 只用于名单（roster）类记录，本记录是 {kind or item.default_kind}"))
        try:
            columns = R.columns_json(R.override_columns(R.table_columns(None, item.roster_preset), overrides))
        except R.ColumnRuleError as exc:
            raise _refused_columns(args.content_file, exc) from None
    svc = _service(env)
    # The record and the mapping its file was read with: one transaction (a failure keeps neither,
    # so a retrying script never imports twice).
    data = svc.create(args.item, args.period, args.title, kind=kind, body=body, content=content, rows=rows,
                      columns=columns, event_date=args.event_date, mapping=used_mapping or None)
    if args.json:
        print_json({"id": data.id})
    else:
        sys.stdout.write(f"{data.id}\n")
    _report_findings(data)
    return 0


def _report_findings(data: DisclosureData) -> None:
    errors = [f for f in data.findings if f.is_error]
    warnings = [f for f in data.findings if not f.is_error]
    if errors:
        sys.stderr.write(f"注意：记录 #{data.id} 有 {len(errors)} 处错误，改正后才能{W.step_label('submit')}：\n")
        for f in errors[:20]:
            sys.stderr.write(f.located() + "\n")
        if len(errors) > 20:
            sys.stderr.write(f"……另有 {len(errors) - 20} 处，见 cunwu disclosure show {data.id}\n")
    elif warnings:
        sys.stderr.write(f"提示：记录 #{data.id} 有 {len(warnings)} 处需要留意，见 cunwu disclosure show {data.id}\n")


def cmd_list(env: Env, args) -> int:
    rows = _service(env).list(status=args.status, item=args.item, period=args.period, kind=args.kind,
                              query=args.query, limit=args.limit)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        window = f"{r.posting_start}至{r.posting_end}" if r.posting_start else ""
        sys.stdout.write(f"{r.id}\t{r.item_code}\t{r.period}\t{r.kind_label}\t{r.status_label}\t{r.title}"
                         f"{chr(9) + window if window else ''}\n")
    return 0


TOTAL_LABELS = K.TOTAL_LABELS


def _print_record(data: DisclosureData, as_json: bool) -> None:
    if as_json:
        print_json(data.to_json())
        return
    out = sys.stdout
    out.write(f"#{data.id} {data.title}\n")
    out.write(f"事项：{data.item_code} {data.item_name}　期间：{data.period_label}（{data.period}）"
              f"　类型：{data.kind_label}　状态：{data.status_label}\n")
    out.write(f"起草人：{data.drafter}　审核人：{data.reviewer or '—'}\n")
    if data.review_opinion:
        out.write(f"审核意见：{data.review_opinion}\n")
    if data.open_return_reason:
        out.write(f"退回理由：{data.open_return_reason}\n")
    if data.posting_start:
        unit = "个工作日" if data.posting_working_days else "天"
        out.write(f"公示期：{data.posting_start} 至 {data.posting_end}（{data.posting_days} {unit}）\n")
    if data.supersedes:
        out.write(f"更正记录 #{data.supersedes}\n")
    if data.superseded_by:
        out.write(f"已被更正记录 #{data.superseded_by} 取代\n")
    totals = K.totals_json(data.totals)
    shown = [f"{TOTAL_LABELS[k]} {v}" for k, v in totals.items() if k in TOTAL_LABELS and v not in (None, "")]
    if shown:
        money = data.kind in ("roster", "finance", "project", "yishi")
        out.write("合计：" + "，".join(shown) + (f"（金额单位：{data.unit}）" if money else "") + "\n")
    if data.body:
        out.write(data.body.rstrip() + "\n")
    for f in data.findings:
        out.write(f.located() + "\n")
    for h in data.history:
        out.write(f"{h.at.astimezone().strftime('%Y-%m-%d %H:%M')}\t{W.label(h.status)}"
                  f"\t{h.by}{chr(9) + h.note if h.note else ''}\n")


def cmd_show(env: Env, args) -> int:
    _print_record(_service(env).get(args.id), args.json)
    return 0


def _done(data: DisclosureData, args, message: str) -> int:
    """The record as JSON, or one line: what was done and the status it has now (the table's label)."""
    message = f"{message}，现为“{W.label(data.status)}”"
    if args.json:
        print_json(data.to_json())
    else:
        sys.stdout.write(message + "\n")
    return 0


def _report_privacy(data: DisclosureData) -> None:
    """Warnings, not refusals: the personal numbers in the record, which the notice will mask."""
    found = K.privacy_findings(data.findings)
    if not found:
        return
    sys.stderr.write(f"提示：记录 #{data.id} 有 {len(found)} 处含身份证号、银行卡号或电话号码，张贴的公告上将打码"
                     f"（完整号码只印在 cunwu print {data.id} --unmasked 的内部资料上）：\n")
    for f in found[:20]:
        sys.stderr.write(f.located() + "\n")
    if len(found) > 20:
        sys.stderr.write(f"……另有 {len(found) - 20} 处，见 cunwu disclosure show {data.id}\n")


def cmd_submit(env: Env, args) -> int:
    data = _service(env).submit(args.id)
    _report_privacy(data)
    return _done(data, args, f"记录 #{data.id} 已{W.step_label('submit')}")


def cmd_approve(env: Env, args) -> int:
    data = _service(env).approve(args.id, args.reviewer, opinion=args.opinion, on=args.on)
    _report_privacy(data)
    return _done(data, args, f"记录 #{data.id} 已由 {data.reviewer} {W.step_label('approve')}")


def cmd_return(env: Env, args) -> int:
    data = _service(env).return_(args.id, args.reviewer, args.reason, on=args.on)
    return _done(data, args, f"记录 #{data.id} 退回起草人修改（理由：{data.return_reason}）")


def cmd_post(env: Env, args) -> int:
    data = _service(env).post(args.id, start=args.start, days=args.days)
    unit = "个工作日" if data.posting_working_days else "天"
    return _done(data, args, f"记录 #{data.id} 已公示：{data.posting_start} 至 {data.posting_end}，"
                             f"共 {data.posting_days} {unit}")


def cmd_correct(env: Env, args) -> int:
    data = _service(env).correct(args.id)
    if args.json:
        print_json({"id": data.id, "supersedes": data.supersedes})
    else:
        sys.stdout.write(f"{data.id}\n")
    return 0


def cmd_archive(env: Env, args) -> int:
    data = _service(env).archive(args.id)
    return _done(data, args, f"记录 #{data.id} 存入档案")


def cmd_expire(env: Env, args) -> int:
    svc = _service(env)
    ids = svc.expire_due(args.on)
    if args.json:
        print_json({"expired": ids})
    else:
        sys.stdout.write(f"{len(ids)} 条记录现为“{W.label('expired')}”\n")
    return 0


__all__ = ["register", "read_content_file"]
