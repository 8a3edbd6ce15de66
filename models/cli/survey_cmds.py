"""`cunwu survey …` — opinion surveys (cli.md "Surveys").

    survey templates [--json]
    survey new (--template ID | --from FILE.json) [--json]
    survey list [--json] · survey show ID [--json]
    survey import-responses ID FILE.csv|FILE.xlsx [--second-entry] [--json]
    survey results ID [--json] [--xlsx FILE.xlsx]
    survey discrepancies ID [--json]
    survey adjudicate ID RESPONDENT FIELD=VALUE [FIELD=VALUE …]
    survey demand ID [--json]
    survey add-item ID --name NAME [--code CODE] [--group GROUP] [--question N [--letter X]]
    survey mark-item ID CODE [--question N [--letter X]]
"""

from __future__ import annotations

import sys

from ..services.surveys import SurveyService, survey_templates
from .common import CliExit, Env, add_json_flag, count_arg, print_json


def register(sub) -> None:
    p = sub.add_parser("survey", help="民意调查：问卷、答卷录入、两遍录入核对、统计结果")
    ssub = p.add_subparsers(dest="survey_command", metavar="ACTION")

    tp = ssub.add_parser("templates", help="列出随程序提供的问卷模板")
    add_json_flag(tp)
    tp.set_defaults(handler=cmd_templates)

    np_ = ssub.add_parser("new", help="新建问卷（从模板或问卷文件）")
    src = np_.add_mutually_exclusive_group(required=True)
    src.add_argument("--template", metavar="ID", help="问卷模板（见 cunwu survey templates）")
    src.add_argument("--from", dest="from_file", metavar="FILE.json", help="问卷文件（JSON，格式见说明）")
    add_json_flag(np_)
    np_.set_defaults(handler=cmd_new)

    lp = ssub.add_parser("list", help="列出问卷")
    add_json_flag(lp)
    lp.set_defaults(handler=cmd_list)

    sp = ssub.add_parser("show", help="显示问卷的题目")
    sp.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    add_json_flag(sp)
    sp.set_defaults(handler=cmd_show)

    ip = ssub.add_parser("import-responses", help="从 csv/xlsx 导入答卷（每行一份）",
                         description="列：respondent（问卷编号）、可选 group（村民小组）、Q1、Q2……（选项字母、数字或文字）、"
                                     "Qn_other（“其他”说明）；空白为未答。任何一行有误则整个文件都不导入。")
    ip.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    ip.add_argument("file", metavar="FILE", help="csv 或 xlsx 文件")
    ip.add_argument("--second-entry", action="store_true", help="第二遍录入（两遍录入核对用）")
    add_json_flag(ip)
    ip.set_defaults(handler=cmd_import)

    rp = ssub.add_parser("results", help="统计结果")
    rp.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    rp.add_argument("--xlsx", metavar="FILE.xlsx", help="同时导出结果到 xlsx")
    add_json_flag(rp)
    rp.set_defaults(handler=cmd_results)

    dp = ssub.add_parser("discrepancies", help="两遍录入不一致之处")
    dp.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    add_json_flag(dp)
    dp.set_defaults(handler=cmd_discrepancies)

    ap = ssub.add_parser("adjudicate", help="裁定两遍录入不一致的字段",
                         epilog="例：cunwu survey adjudicate 3 17 Q2=B Q5_other=修路")
    ap.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    ap.add_argument("respondent", type=count_arg, metavar="RESPONDENT", help="答卷的问卷编号")
    ap.add_argument("decisions", nargs="+", metavar="FIELD=VALUE", help="字段=裁定值（Q2=B、group=3组；空值写 Q2=）")
    ap.set_defaults(handler=cmd_adjudicate)

    mp = ssub.add_parser("demand", help="公开需求：与目录事项关联的选项得票")
    mp.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    add_json_flag(mp)
    mp.set_defaults(handler=cmd_demand)

    ai = ssub.add_parser("add-item", help="把村民要求公开的事项新增到公开目录（记下是哪份问卷要求的）")
    ai.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    ai.add_argument("--name", required=True, help="新事项名称")
    ai.add_argument("--code", help="新事项编号（默认自动编号 CW-nn）")
    ai.add_argument("--group", default="群众要求公开事项", help="一级事项（默认：群众要求公开事项）")
    ai.add_argument("--question", type=count_arg, metavar="N", help="提出该要求的题号")
    ai.add_argument("--letter", metavar="X", help="该题的选项字母")
    add_json_flag(ai)
    ai.set_defaults(handler=cmd_add_item)

    mi = ssub.add_parser("mark-item", help="把已有目录事项标记为村民要求公开（记下是哪份问卷要求的）")
    mi.add_argument("id", type=count_arg, metavar="ID", help="问卷编号")
    mi.add_argument("code", metavar="CODE", help="目录事项编号")
    mi.add_argument("--question", type=count_arg, metavar="N", help="提出该要求的题号")
    mi.add_argument("--letter", metavar="X", help="该题的选项字母")
    mi.set_defaults(handler=cmd_mark_item)


def cmd_templates(env: Env, args) -> int:
    items = survey_templates()
    if args.json:
        print_json([t.to_json() for t in items])
    else:
        for t in items:
            sys.stdout.write(f"{t.id}\t{t.name}\t{t.questions} 题\n")
    return 0


def cmd_new(env: Env, args) -> int:
    svc = SurveyService(env.ctx())
    s = svc.create_from_template(args.template) if args.template else svc.create_from_file(args.from_file)
    if args.json:
        print_json({"id": s.id})
    else:
        sys.stdout.write(f"{s.id}\n")
    return 0


def cmd_list(env: Env, args) -> int:
    items = SurveyService(env.ctx()).list()
    if args.json:
        print_json([s.to_json() for s in items])
        return 0
    if not items:
        sys.stdout.write("（无）\n")
    for s in items:
        second = f"，第二遍 {s.second_entries} 份" if s.second_entries else ""
        sys.stdout.write(f"{s.id}\t{s.title}\t{s.questions} 题\t已录入 {s.first_entries} 份{second}，计入统计 {s.counted} 份\n")
    return 0


def cmd_show(env: Env, args) -> int:
    s = SurveyService(env.ctx()).get(args.id)
    if args.json:
        print_json(s.to_json())
        return 0
    q = s.questionnaire
    sys.stdout.write(f"{q.title}（调查对象：{q.target}）\n")
    for question in q.questions:
        limit = f"，最多选 {question.max} 项" if question.max else ""
        must = "" if question.required else "，可不答"
        sys.stdout.write(f"{question.no}. {question.text}（{question.type_label}{limit}{must}）\n")
        for o in question.options:
            sys.stdout.write(f"   {o.letter}. {o.label}{'  → 目录 ' + o.item if o.item else ''}\n")
        for rule in question.skip:
            sys.stdout.write(f"   （{rule.instruction()}）\n")
    return 0


def cmd_import(env: Env, args) -> int:
    summary = SurveyService(env.ctx()).import_forms(args.id, args.file, entry=2 if args.second_entry else 1)
    if args.json:
        print_json(summary.to_json())
    else:
        which = "第二遍录入" if summary.entry == 2 else "答卷"
        sys.stdout.write(f"已从 {summary.file} 导入{which} {summary.forms} 份\n")
    return 0


def cmd_results(env: Env, args) -> int:
    svc = SurveyService(env.ctx())
    if args.xlsx:
        from ..output_files import check_output_path

        if not args.xlsx.lower().endswith(".xlsx"):
            sys.stderr.write(f"用法错误：输出文件应以 .xlsx 结尾：{args.xlsx}\n")
            raise CliExit(2)
        check_output_path(args.xlsx)
    results = svc.results(args.id)
    if args.xlsx:
        svc.export_results(args.id, args.xlsx)
    if args.json:
        print_json(results.to_json())
        return 0
    out = sys.stdout
    out.write(f"{results.questionnaire.title}：计入统计 {results.respondents} 份")
    out.write(f"（另有 {results.waiting} 份待第二遍录入或裁定）\n" if results.waiting else "\n")
    for q in results.questions:
        out.write(f"{q.no}. {q.text}（{q.base_text}）\n")
        for o in q.options:
            sel = f"，占选择 {o.percent_of_selections}%" if o.percent_of_selections is not None else ""
            out.write(f"   {o.letter}. {o.published()}{sel}\n")
        for text in q.other_texts:
            out.write(f"   其他：{text}\n")
        if q.type == "number" and q.answered:
            out.write(f"   合计 {q.total}，平均 {q.mean}\n")
        if q.type == "text":
            for text in q.answers:
                out.write(f"   · {text}\n")
    if args.xlsx:
        out.write(f"已导出 {args.xlsx}\n")
    return 0


def cmd_discrepancies(env: Env, args) -> int:
    state = SurveyService(env.ctx()).double_entry(args.id)
    if args.json:
        print_json(state.to_json())
        return 0
    out = sys.stdout
    if not state.double_entered:
        out.write("尚无第二遍录入\n")
        return 0
    out.write(f"计入统计 {state.counted} 份；未裁定 {len(state.open)} 处\n")
    for d in state.discrepancies:
        decided = f"已裁定为“{d.decided}”" if d.decided is not None else "未裁定"
        out.write(f"问卷编号 {d.respondent}\t{d.field}\t第一遍“{d.first}”\t第二遍“{d.second}”\t{decided}\n")
    if state.first_only:
        out.write(f"只录入了第一遍：{'、'.join(map(str, state.first_only))}\n")
    if state.second_only:
        out.write(f"只录入了第二遍：{'、'.join(map(str, state.second_only))}\n")
    return 0


def cmd_adjudicate(env: Env, args) -> int:
    decisions: dict[str, str] = {}
    for item in args.decisions:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            sys.stderr.write(f"用法错误：“{item}”应写作 字段=值，如 Q2=B\n")
            raise CliExit(2)
        key = name.strip()
        decisions["group" if key.lower() == "group" else key.upper().replace("_OTHER", "_other")] = value
    SurveyService(env.ctx()).adjudicate(args.id, args.respondent, decisions)
    sys.stdout.write(f"已裁定问卷编号 {args.respondent} 的 {len(decisions)} 处\n")
    return 0


def cmd_demand(env: Env, args) -> int:
    rows = SurveyService(env.ctx()).demand(args.id)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        sys.stdout.write("（本问卷没有与目录事项关联的选项）\n")
    for r in rows:
        done = {"added": "已新增到目录", "marked": "已标记为村民要求"}.get(r.recorded or "", "")
        name = r.item_name or "（目录中没有此事项）"
        sys.stdout.write(f"第 {r.question} 题 {r.letter}. {r.label}\t{r.item} {name}\t{r.count} 票 {r.percent}%\t{done}\n")
    return 0


def cmd_add_item(env: Env, args) -> int:
    from ..rules.timing import TimingRule
    from ..services.catalog import CatalogService, ItemData

    ctx = env.ctx()
    code = args.code or CatalogService(ctx).next_code("CW")
    item = ItemData(code=code, group=args.group, name=args.name, timing=TimingRule("immediate"))
    added = SurveyService(ctx).add_catalog_item(args.id, item, question=args.question,
                                                letter=_letter(args.letter), topic=args.name)
    if args.json:
        print_json({"code": added})
    else:
        sys.stdout.write(f"已新增目录事项 {added}（问卷 {args.id} 要求公开）\n")
    return 0


def cmd_mark_item(env: Env, args) -> int:
    SurveyService(env.ctx()).mark_in_demand(args.id, args.code, question=args.question, letter=_letter(args.letter))
    sys.stdout.write(f"已把目录事项 {args.code} 标记为村民要求公开（问卷 {args.id}）\n")
    return 0


def _letter(text: str | None) -> str | None:
    return text.strip().upper() if text else None
