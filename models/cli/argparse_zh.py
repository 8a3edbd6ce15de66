"""argparse in Chinese: its own texts ("usage:", "invalid choice", "the following arguments are
required" …) translated, and a 您是不是要输入 … suggestion for a mistyped command or choice.

argparse looks its texts up through the module's ``_`` / ``ngettext`` (gettext) when it builds a parser
and when it reports an error. `chinese()` swaps those two for the table below while the CLI builds and
parses, and puts them back after — nothing outside the CLI (pytest's own parser, a library) is changed.
A text not in the table stays English rather than being guessed at.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要给出一个值",
    "expected at most one argument": "最多给出一个值",
    "expected at least one argument": "至少给出一个值",
    "expected %s argument": "需要给出 %s 个值",
    "expected %s arguments": "需要给出 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}


def translate(message: str) -> str:
    return _ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


@contextmanager
def chinese() -> Iterator[None]:
    """argparse speaks Chinese inside this block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def suggestion(value: str, choices) -> str:
    """“您是不是要输入 disclosure？” for the choice closest to ``value``, or "" when none is close."""
    words = [str(c) for c in choices]
    import difflib  # only for a mistyped word: not paid by every start (the GUI's first paint)

    close = difflib.get_close_matches(str(value), words, n=1, cutoff=0.6)
    if not close:  # a prefix typed short (“disc”) is close enough too
        close = [w for w in words if w.startswith(str(value))][:1] if len(str(value)) >= 2 else []
    return f"您是不是要输入 {close[0]}？" if close else ""


class ChineseParser(argparse.ArgumentParser):
    """Reports a bad choice with the closest valid one, and every error as one Chinese line (exit 2)."""

    def _check_value(self, action, value):  # noqa: D401 - argparse's hook
        if action.choices is not None and value not in action.choices:
            choices = "、".join(map(str, action.choices))
            msg = translate("invalid choice: %(value)r (choose from %(choices)s)") % {
                "value": value, "choices": choices}
            hint = suggestion(value, action.choices)
            raise argparse.ArgumentError(action, f"{msg}。{hint}" if hint else msg)

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            msg = translate("unrecognized arguments: %s") % " ".join(extras)
            option = next((x.split("=", 1)[0] for x in extras if x.startswith("-")), None)
            hint = suggestion(option, sorted(self._all_options())) if option else ""
            self.error(f"{msg}。{hint}" if hint else msg)
        return parsed

    def _all_options(self) -> set[str]:
        """Every option string of this parser and of the commands under it."""
        out: set[str] = set()
        for action in self._actions:
            out.update(s for s in action.option_strings if s.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    if isinstance(sub, ChineseParser):
                        out |= sub._all_options()
        return out

    def format_help(self) -> str:
        # Section headings end with a Chinese colon, like the rest of the text.
        text = super().format_help()
        for title in (translate("positional arguments"), translate("options")):
            text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return text

    def error(self, message: str):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误：{message}\n")
        raise SystemExit(2)
