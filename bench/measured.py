"""Run a command and report its own wall time, CPU time and peak memory — not the caller's.

A process's peak RSS as the kernel reports it to its parent (``wait4``'s ``ru_maxrss``) starts at the
RSS of the process it was forked from: measured from the benchmark (some 55 MB of Python), a short
`cunwu print` (47 MB) would report the benchmark's size. So the benchmark runs this small interpreter
(``python -S -E``, a few MB), which forks and executes the command and, once it has ended, writes to
the file named first

    {"wall": seconds, "cpu": user + system seconds, "maxrss_kib": peak RSS in KiB}

of that process alone, and exits with its exit code. Linux and other POSIX systems.

    python -S -E bench/measured.py OUT.json COMMAND [ARG …]
"""

import json
import os
import sys
import time


def main() -> int:
    out, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command, in a process forked from this small one
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss}, fh)
    return os.waitstatus_to_exitcode(status) % 256


if __name__ == "__main__":
    sys.exit(main())
