"""A command imports only its own group: `cunwu print` does not pay for the setup services."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.cli import COMMANDS, GROUPS, build_parser, command_word
from models.cli.argparse_zh import ChineseParser

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("module", GROUPS)
def test_command_table_matches_what_each_group_registers(module: str) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", parser_class=ChineseParser)
    importlib.import_module(module).register(sub)
    assert set(sub.choices) == {word for word, owner in COMMANDS.items() if owner == module}


def test_help_and_unknown_words_build_every_command() -> None:
    full = build_parser()
    assert set(full._subparsers._group_actions[0].choices) == set(COMMANDS)
    assert set(build_parser(["--db", "x.sqlite3", "dislcosure"])._subparsers._group_actions[0].choices) == set(COMMANDS)


@pytest.mark.parametrize(("argv", "word"), [
    (["print", "3", "--out", "a.pdf"], "print"),
    (["--db", "print", "due"], "due"),  # a database file called "print"
    (["--user", "王会计", "--data-dir", "/tmp/x", "check"], "check"),
    (["--db=a.sqlite3", "settings", "list"], "settings"),
    (["--version"], None),
    ([], None),
])
def test_command_word(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def test_print_imports_only_what_it_prints_with(village, db_path: Path, tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from models.cli import main\n"
        "code = main(['--db', sys.argv[1], 'print', 'catalog', '--out', sys.argv[2]])\n"
        "print(json.dumps({'code': code, 'loaded': sorted(m for m in sys.modules\n"
        "                  if m.startswith(('models.', 'openpyxl', 'PySide6', 'desktop')))}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script, str(db_path), str(tmp_path / "a.pdf")],
                          env=env, capture_output=True, text=True, timeout=120)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    loaded = set(report["loaded"])
    # the other commands' groups, the spreadsheet readers and writers, the GUI: none of them
    others = {m for w, m in COMMANDS.items() if w != "print"}
    assert not loaded & others
    assert not {m for m in loaded if m.startswith(("openpyxl", "models.exchange", "PySide6", "desktop"))}
