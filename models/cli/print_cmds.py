"""`cunwu print ID|catalog|due|feedback|survey …` (cli.md, 打印).

One positional TARGET, dispatched on its value, so a record id and the sub-words share the slot:

    cunwu print 12 --out x.pdf [--paper A4|A3] [--landscape] [--large] [--unmasked] [--handout]
    cunwu print catalog --out x.pdf
    cunwu print due --month 2026-07 --out x.pdf
    cunwu print feedback 3 --out x.pdf          (异议答复)
    cunwu print survey 4 --questionnaire|--results --out x.pdf

Nothing is written when printing fails (a character no font has, a missing record).
"""

from __future__ import annotations

import argparse
import gc
import sys

from ..errors import CunwuError
from .common import CliExit, Env, count_arg, month_arg

_WORDS = ("catalog", "due", "feedback", "survey")


def register(sub) -> None:
    p = sub.add_parser(
        "print", help="打印公告（PDF）",
        description="打印公开记录、公开目录、本月应公开公告合订本或异议答复为 PDF。",
        epilog="例：cunwu print 12 --out 名单.pdf；cunwu print catalog --out 目录.pdf；"
               "cunwu print due --month 2026-07 --out 七月.pdf")
    p.add_argument("target", metavar="ID|catalog|due|feedback|survey",
                   help="公开记录编号，或 catalog（目录）、due（某月合订本）、feedback（异议答复）、survey（问卷）")
    p.add_argument("number", nargs="?", metavar="N", help="feedback / survey 的编号")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张（默认 A4）")
    p.add_argument("--landscape", action="store_true", help="横向")
    p.add_argument("--large", action="store_true", help="大字版（张贴栏远看，正文 16 磅）")
    p.add_argument("--unmasked", action="store_true",
                   help="内部资料：不去标识化，显示完整身份证号、银行卡号（每页加“内部资料 不得张贴”）")
    p.add_argument("--handout", action="store_true",
                   help="发放签字表：名单加一列空白的“受益户签字（手印）”，供发放时签字（只用于发放，不张贴）")
    p.add_argument("--month", type=month_arg, metavar="YYYY-MM", help="due：月份")
    survey = p.add_mutually_exclusive_group()
    survey.add_argument("--questionnaire", action="store_true", help="survey：打印问卷")
    survey.add_argument("--results", action="store_true", help="survey：打印结果")
    p.add_argument("--base", choices=("selections", "respondents"),
                   help="survey --results：多选题百分比的基数，selections 选择总数（默认）或 respondents 答题人数")
    p.set_defaults(handler=cmd_print)


def _usage(message: str) -> CliExit:
    sys.stderr.write(f"用法错误：{message}\n")
    return CliExit(2)


def _number(text: str | None, what: str, word: str) -> int:
    if text is None or not text.isdigit():
        raise _usage(f"请给出{what}编号，例如 cunwu print {word} 3 --out x.pdf")
    return _in_range(text, what)


def _in_range(text: str, what: str) -> int:
    """A record number the database can hold (``count_arg``'s rule), else a usage error."""
    try:
        return count_arg(text)
    except argparse.ArgumentTypeError as exc:
        raise _usage(f"{what}编号{exc}") from None


def cmd_print(env: Env, args) -> int:
    # A print process lays a notice out and exits: no automatic garbage collection meanwhile. Its
    # objects are freed by reference counting (the GUI's render jobs pause collections for the same
    # reason, desktop/workers.py); on a 10,000-row roster the collections cost ≈ 0.1 s (issue 13).
    gc.disable()
    from ..output_files import check_output_path
    from ..printing.document import PrintOptions
    from ..printing.fonts import MissingGlyphError

    target = args.target.strip().lower()
    if not target.isdigit() and target not in _WORDS:
        raise _usage(f"无法识别的打印对象“{args.target}”：应为公开记录编号或 {'、'.join(_WORDS)}")
    if target.isdigit() and args.number is not None:
        raise _usage(f"多余的参数“{args.number}”")
    record_id = _in_range(target, "公开记录") if target.isdigit() else None
    if args.month and target != "due":
        raise _usage("--month 只用于 cunwu print due")
    if (args.questionnaire or args.results) and target != "survey":
        raise _usage("--questionnaire / --results 只用于 cunwu print survey")
    if args.base and not args.results:
        raise _usage("--base 只用于 cunwu print survey N --results")
    if not args.out.lower().endswith(".pdf"):
        raise _usage(f"输出文件应以 .pdf 结尾：{args.out}")
    check_output_path(args.out)  # a folder, device or link is refused before the work, not after
    if args.handout and not target.isdigit():
        raise _usage("--handout 只用于打印一条公开记录：cunwu print ID --handout")
    options = PrintOptions(paper=args.paper, landscape=args.landscape, large=args.large, handout=args.handout)
    if record_id is not None and not args.unmasked:
        done = _print_direct(env, record_id, args.out, options)
        if done is not None:
            return done

    from ..printing.jobs import NoticePrinter

    try:
        printer = NoticePrinter(env.ctx())
        if target.isdigit():
            result = printer.print_disclosure(record_id, args.out, options, unmasked=args.unmasked)
        elif target == "catalog":
            if args.unmasked:
                raise _usage("目录不含个人信息，无需 --unmasked")
            if not args.landscape:  # the standard catalog's eleven columns want landscape paper
                options = PrintOptions(paper=args.paper, landscape=True, large=args.large)
            result = printer.print_catalog(args.out, options)
        elif target == "due":
            if not args.month:
                raise _usage("请用 --month YYYY-MM 指定月份，例如 --month 2026-07")
            result = printer.print_due(args.month.year, args.month.month, args.out, options,
                                       unmasked=args.unmasked)
        elif target == "feedback":
            result = printer.print_feedback(_number(args.number, "群众意见", "feedback"), args.out, options)
        else:
            survey_id = _number(args.number, "问卷", "survey")
            if not (args.questionnaire or args.results):
                raise _usage("请指定 --questionnaire（问卷）或 --results（结果）")
            if args.unmasked:
                raise _usage("问卷不含个人信息，无需 --unmasked")
            result = printer.print_survey(survey_id, "questionnaire" if args.questionnaire else "results", args.out,
                                          options, base=args.base or "selections")
    except MissingGlyphError as exc:
        raise CunwuError(str(exc)) from None
    except OSError as exc:
        raise CunwuError(f"无法写入 {args.out}：{exc.strerror or exc}") from None
    return _done(args.out, result.pages, result.documents, args.unmasked)


def _done(out: str, pages: int, documents: int, unmasked: bool) -> int:
    internal = "（内部资料，不得张贴）" if unmasked else ""
    extra = f"，{documents} 份公告" if documents > 1 else ""
    sys.stdout.write(f"已生成 {out}：共 {pages} 页{extra}{internal}\n")
    return 0


def _print_direct(env: Env, record_id: int, out: str, options) -> int | None:
    """One record printed straight from the database file (models.printing.direct): the same PDF
    without importing the database layer; ``None`` when that path does not cover it.

    With accounts, the user signs in on the same plain path (models.storage.plain_sign_in) — only when
    the attempt succeeds; any refusal, prompt or oddity goes to the services before anything is
    written, so their `sign_in` decides (and counts) it once. A masked notice needs no permission of a
    signed-in role (`NoticePrinter.disclosure_document` requires one for ``--unmasked`` only, which
    never comes here). A record this path does not cover after a plain sign-in goes to the services
    with that sign-in (`Env.signed_in_as`): one sign-in per command, as ever."""
    from ..printing.direct import read_document
    from ..printing.fonts import MissingGlyphError
    from ..printing.render import render
    from ..storage.plain_sign_in import SignedIn, plain_sign_in

    account = plain_sign_in(env.db_path, env.user, env.given_password())
    if account is None:
        return None
    signed_in = isinstance(account, SignedIn)
    doc = read_document(env.db_path, record_id, options, signed_in=signed_in)
    if doc is None:
        if signed_in:
            env.signed_in_as(account.name, account.role, account.account_id)
        return None
    try:
        rendered = render([doc], out, keep=False)  # written as formatted: not the whole file in memory
    except MissingGlyphError as exc:
        raise CunwuError(str(exc)) from None
    except OSError as exc:
        raise CunwuError(f"无法写入 {out}：{exc.strerror or exc}") from None
    return _done(out, rendered.page_count, 1, False)
