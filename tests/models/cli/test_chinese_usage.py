"""The command line speaks Chinese: usage, help, argparse's own errors, a suggestion for a typo, and a
malformed date, month or number is a usage error (exit 2) before anything runs."""

from __future__ import annotations

import argparse

import pytest


@pytest.fixture
def run(cunwu):
    return cunwu


def test_help_is_chinese(run):
    code, out, _ = run("--help")
    assert code == 0 and out.startswith("用法：cunwu")
    assert "\n位置参数：\n" in out and "\n选项：\n" in out and "显示本帮助并退出" in out and "显示版本号并退出" in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out
    code, out, _ = run("disclosure", "new", "-h")
    assert code == 0 and out.startswith("用法：cunwu disclosure new") and "--item ITEM" in out


def test_mistyped_command_suggests_the_right_one(run):
    code, out, err = run("disclosre", "list")
    assert code == 2 and out == ""
    assert err.startswith("用法：cunwu")
    assert "用法错误：参数 COMMAND：无效的选择：'disclosre'" in err and "您是不是要输入 disclosure？" in err
    code, _, err = run("disclosure", "lsit")
    assert code == 2 and "您是不是要输入 list？" in err
    code, _, err = run("disclosure", "list", "--status", "postd")
    assert code == 2 and "您是不是要输入 posted？" in err
    code, _, err = run("xyz")
    assert code == 2 and "无效的选择" in err and "您是不是要输入" not in err


def test_missing_and_unknown_arguments(run):
    code, _, err = run("disclosure", "new", "--item", "CW-01")
    assert code == 2 and "用法错误：缺少必需的参数：--period, --title" in err
    code, _, err = run("due", "--josn")
    assert code == 2 and "用法错误：无法识别的参数：--josn。您是不是要输入 --json？" in err
    code, _, err = run("due", "--on")
    assert code == 2 and "参数 --on：需要给出一个值" in err


@pytest.mark.parametrize(("args", "shown"), [
    (("due", "--on", "2026-13-01"), "参数 --on：“2026-13-01”不是有效日期"),
    (("due", "--from", "2026-11-31", "--to", "2026-12-01"), "参数 --from：“2026-11-31”不是有效日期"),
    (("disclosure", "post", "3", "--start", "2026-02-30"), "参数 --start：“2026-02-30”不是有效日期"),
    (("disclosure", "approve", "3", "--reviewer", "李", "--on", "明天"), "参数 --on：“明天”不是有效日期"),
    (("disclosure", "new", "--item", "A", "--period", "2026", "--title", "t", "--event-date", "7月1日"),
     "参数 --event-date：“7月1日”不是有效日期"),
    (("disclosure", "expire", "--on", "2026-00-10"), "参数 --on：“2026-00-10”不是有效日期"),
    (("feedback", "add", "3", "--text", "x", "--received", "20261101"), "参数 --received：“20261101”不是有效日期"),
    (("print", "due", "--month", "2026-13", "--out", "x.pdf"), "参数 --month：月份应写作 YYYY-MM"),
    (("init", "--mode", "village", "--code", "1", "--name", "x", "--since", "2026-13"), "参数 --since：月份应写作 YYYY-MM"),
    (("disclosure", "show", "abc"), "参数 id：应为正整数，而不是“abc”"),
    (("disclosure", "post", "3", "--days", "0"), "参数 --days：应为正整数，而不是“0”"),
    (("disclosure", "list", "--limit", "-5"), "参数 --limit：应为正整数，而不是“-5”"),
    (("feedback", "answer", "x1", "--text", "y"), "参数 FEEDBACK_ID：应为正整数，而不是“x1”"),
])
def test_malformed_values_are_usage_errors(run, db_path, args, shown):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert f"用法错误：{shown}" in err
    assert not db_path.exists()  # refused before anything was opened or written


def test_argparse_is_left_english_outside_the_cli(run):
    run("--help")
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_help().startswith("usage: other")
