"""`make bench`: every benchmark, each printing its ratio against a baseline measured in the same run."""

from __future__ import annotations

import importlib
import sys
import traceback

BENCHES = ["bench.startup", "bench.roster_import", "bench.disclosure_list", "bench.record_select", "bench.printing",
           "bench.privacy", "bench.input_limits", "bench.print_process", "bench.survey_import",
           "bench.survey_entry", "bench.gui_actions"]


def main(argv: list[str]) -> int:
    wanted = [f"bench.{a}" for a in argv] or BENCHES
    failed = 0
    for name in wanted:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                print(f"{name}: not built yet")
                continue
            raise
        try:
            mod.run()
        except Exception:  # a broken benchmark must not hide the others' figures
            failed += 1
            print(f"{name}: failed")
            traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
