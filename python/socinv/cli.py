"""The ``socinv`` console script: runs the C++ command line in this process.

``socinv --help`` and ``socinv assess --help`` describe it; the exit codes are 0 (every
application passes), 1 (some application does not) and 2 (bad input or usage).

``socinv report`` (the decision memos, :mod:`socinv.report.command`) is handled here in
Python; every other command goes to the C++ command line unchanged.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Sequence
from typing import NoReturn, Optional

from socinv import _core

__all__ = ["main"]

# The synopsis's words: a bracketed option is never split across lines.
_REPORT_SYNOPSIS = ["socinv", "report", "FILE...", "[--lang sv|en]", "[-o DIR_OR_FILE]", "[--pdf]", "[--rules NAME|PATH]",
                    "[--draws N]", "[--seed S]"]
_REPORT_SUMMARY = (
    "Write a decision memo per application: a self-contained HTML page (and with --pdf an A4 PDF) "
    "with the verdict and why, findings, checklist, money by budget year, cost model, return "
    "transfers and follow-up."
)
_HELP_WIDTH = 80


def _wrap(words: list[str], first: int, indent: int) -> list[str]:
    """``words`` in lines of at most ``first`` columns, then ``_HELP_WIDTH``, later lines
    indented by ``indent``."""
    lines: list[str] = []
    for word in words:
        width = first if len(lines) <= 1 else _HELP_WIDTH
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word if not lines else " " * indent + word)
    return lines


def with_report(help_text: str) -> str:
    """The C++ command line's ``--help`` with ``report`` in its usage and its list of commands."""
    lines = help_text.splitlines()
    out: list[str] = []
    in_commands = False
    added_usage = added_command = False
    column = 0
    for i, line in enumerate(lines):
        if not added_usage and line.strip().startswith("socinv --help"):
            indent = len(line) - len(line.lstrip())
            synopsis = _wrap(_REPORT_SYNOPSIS, _HELP_WIDTH - indent, indent + len("socinv report "))
            out.extend(" " * indent + part if i == 0 else part for i, part in enumerate(synopsis))
            added_usage = True
        if line.rstrip().endswith(":") and line.strip().lower().startswith("commands"):
            in_commands = True
        elif in_commands and line.startswith("  ") and not line.startswith("   ") and not column:
            name = line.split()[0]
            column = line.index(name) + len(name)
            column += len(line[column:]) - len(line[column:].lstrip())
        elif in_commands and not line.strip():
            if column and not added_command:
                out.extend(_command_lines(column))
                added_command = True
            in_commands = False
        out.append(line)
        if in_commands and i == len(lines) - 1 and column and not added_command:
            out.extend(_command_lines(column))
            added_command = True
    if not added_command:
        out += ["", "Also:", *_command_lines(12)]
    return "\n".join(out) + "\n"


def _command_lines(column: int) -> list[str]:
    head = "  report".ljust(column)
    body = _wrap(_REPORT_SUMMARY.split(), _HELP_WIDTH - column, column)
    return [head + body[0], *body[1:]]


def _main_help() -> int:
    """``socinv --help``: the C++ tool's page, run apart so its output can be amended."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom socinv import _core\nsys.exit(_core.run_cli(['--help']))"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        return result.returncode
    sys.stdout.write(with_report(result.stdout))
    sys.stdout.flush()
    return 0


def main(argv: Optional[Sequence[str]] = None) -> NoReturn:
    # Behave like the native tool: Ctrl-C stops it at once (the C++ code runs without the GIL,
    # so Python's KeyboardInterrupt would wait for the batch to end) and a closed pipe
    # (`socinv assess big.jsonl | head`) ends it quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["report"] or args[:2] == ["help", "report"]:
        from socinv.report.command import main as report_main

        sys.exit(report_main(["--help"] if args[0] == "help" else args[1:]))
    if args in (["--help"], ["-h"], ["help"]):
        sys.exit(_main_help())
    sys.exit(_core.run_cli(args))
