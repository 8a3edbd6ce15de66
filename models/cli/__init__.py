"""The `cunwu` command line (contract: shared/docs/cli.md).

Each command group lives in its own module and registers its sub-parsers through `register(sub)`.
Errors meant for users (`CunwuError`) print as readable Chinese lines on stderr with exit 1; usage
errors exit 2; an unexpected exception is logged with its traceback to the log file and reported as
one line naming that file — never a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import CunwuError
from ..rules.text import invalid_text_problem
from .argparse_zh import ChineseParser, chinese
from .common import CliExit, Env, setup_logging

#: Each top-level command and the module that registers it, in the order `cunwu --help` lists them.
#: Parsing a command imports only its own module (whose services load when its handler runs), so
#: `cunwu print` does not pay for the setup services; help, a typo or no command import them all.
#: A test checks this table against what the modules register.
COMMANDS: dict[str, str] = {
    "init": "models.cli.setup_cmds", "templates": "models.cli.setup_cmds",
    "catalog": "models.cli.catalog_cmds",
    "disclosure": "models.cli.disclosure_cmds",
    "due": "models.cli.schedule_cmds",
    "feedback": "models.cli.feedback_cmds",
    "print": "models.cli.print_cmds",
    "settings": "models.cli.settings_cmds",
    "check": "models.cli.integrity_cmds", "log": "models.cli.integrity_cmds",
    "backup": "models.cli.integrity_cmds", "restore": "models.cli.integrity_cmds",
    "user": "models.cli.user_cmds",
    "survey": "models.cli.survey_cmds",
}
GROUPS: list[str] = list(dict.fromkeys(COMMANDS.values()))
# Global options that take a value: the command is the first word after them.
_VALUE_OPTIONS = ("--db", "--data-dir", "--user")


def _global_parser(**kw) -> argparse.ArgumentParser:
    parser = ChineseParser(prog="cunwu", description="村务公开 — 村级事务公开管理（不带命令则打开图形界面）", **kw)
    parser.add_argument("--db", help="数据库文件路径（或环境变量 CUNWU_DB）")
    parser.add_argument("--data-dir", dest="data_dir", help="数据文件夹（附件、备份、日志）")
    parser.add_argument("--user", help="用户名（或环境变量 CUNWU_USER）；已设置账户时须登录，"
                                       "密码取自环境变量 CUNWU_PASSWORD 或提示输入")
    return parser


def _gui_only(argv: list[str]) -> argparse.Namespace | None:
    """The global options when argv names no command (the GUI), parsed without importing any command
    module — opening the window should not wait for the CLI's services to load."""
    try:
        with chinese():
            args, rest = _global_parser(add_help=False).parse_known_args(argv)
    except SystemExit:
        return None
    if rest:
        return None
    args.command = None
    return args


def command_word(argv: Sequence[str]) -> str | None:
    """The top-level command ``argv`` names (the first word that is not a global option), or None."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
        elif word == "--":
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given ``argv`` naming a known command, with only that command's group."""
    parser = _global_parser()
    parser.add_argument("--version", action="version", version=f"cunwu {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseParser)
    import importlib

    word = command_word(argv) if argv is not None else None
    for name in [COMMANDS[word]] if word in COMMANDS else GROUPS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, gui_launcher: Callable[[Env], int] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:  # undecodable bytes (a GBK terminal, a mangled script) arrive as lone surrogates
        problem = invalid_text_problem(arg, "参数")
        if problem:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")[:60]
            sys.stderr.write(f"用法错误：“{shown}”：{problem}\n")
            return 2
    args = _gui_only(argv) if gui_launcher is not None else None
    if args is None:
        try:
            with chinese():
                args = build_parser(argv).parse_args(argv)
        except SystemExit as exc:
            return int(exc.code or 0)
    env = Env.from_args(args)
    setup_logging(env.data_dir)
    if args.command is None:
        if gui_launcher is None:
            with chinese():
                build_parser().print_help()
            return 2
        return gui_launcher(env)
    handler = getattr(args, "handler", None)
    if handler is None:  # a group named without its action (`cunwu settings`): its help
        try:
            with chinese():
                build_parser(argv).parse_args([*argv, "--help"])
        except SystemExit:
            pass
        return 2
    try:
        return int(handler(env, args) or 0)
    except CliExit as exc:
        return exc.code
    except CunwuError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("已取消\n")
        return 1
    except BrokenPipeError:  # `cunwu due | head`: the reader left; not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - swallow the final flush
        except OSError:
            pass
        return 0
    except Exception as exc:  # last resort: log it, tell the user where, never print the traceback
        from ..storage.faults import fault_for

        fault = fault_for(exc, env.db_path)  # a full disk or read-only folder met outside the engine
        if fault is not None:
            logging.getLogger("cunwu").warning("%s in %s: %s", fault.kind, args.command, exc)
            sys.stderr.write(f"{fault}\n")
            return 1
        logging.getLogger("cunwu").exception("unexpected error in %s", args.command)
        sys.stderr.write(f"程序内部错误，未完成操作。详情已记入日志：{env.log_path}\n")
        return 1
    finally:
        env.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["COMMANDS", "build_parser", "command_word", "main", "os"]
