"""``socinv report``: write the decision memo of each application as HTML (and PDF).

One bad file does not stop the others: every good one is written, every bad one is named on
standard error with its JSON pointer, and the exit code is 2 when any was bad.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO

from socinv.report import DEFAULT_DRAWS, DEFAULT_SEED, LANGUAGES

if TYPE_CHECKING:
    from socinv.assessment import Assessment
    from socinv.rules import RuleSet

__all__ = ["main", "parser"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_DESCRIPTION = """\
Write a decision memo for each application: a self-contained HTML page with the verdict and
why, the findings, the checklist with evidence and the evaluator's comments, the money by
budget year, the cost model (present values, who pays and who saves, break-even, the Monte
Carlo distribution and the tornado as charts), the return-transfer schedule and the
follow-up. A JSON Lines file (.jsonl) gives one memo per line."""

_EPILOG = """\
output:
  without -o, each memo is written to the current directory as <application id>.html;
  -o FILE names the memo of a single application, -o DIR (a directory, an existing one or a
  name ending in /, and always with several applications) takes <id>.html for each.
  --pdf also writes <id>.pdf beside each memo, printed on A4 by headless Chromium
  (Debian's chromium; SOCINV_CHROMIUM names another browser).

exit codes:
  0  every memo was written (whatever the verdicts)
  2  bad input or usage: each bad file is named with its JSON pointer, the others are written

examples:
  socinv report examples/applications/sot.json
  socinv report examples/applications/*.json -o build/report/ --pdf
  socinv report app.json --lang en --rules examples/rules/cross-municipal.json -o memo.html"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="socinv report",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="application files (.json, or .jsonl with one a line)")
    p.add_argument("--lang", choices=LANGUAGES, default="sv", help="the memo's language (default: sv)")
    p.add_argument("-o", "--output", metavar="DIR_OR_FILE", help="where to write (see output below)")
    p.add_argument("--pdf", action="store_true", help="also print each memo to PDF with headless Chromium")
    p.add_argument(
        "--rules", default="orebro-2013", metavar="RULES",
        help="a built-in rule set's name or a rule-set file (default: orebro-2013)",
    )  # fmt: skip
    p.add_argument("--fund-available", metavar="AMOUNT", help='what is left in the fund, in SEK ("65 000 000")')
    p.add_argument(
        "--draws", type=_positive, default=DEFAULT_DRAWS, metavar="N",
        help=f"Monte Carlo draws of the cost model (default: {DEFAULT_DRAWS:,}; at most 1,000,000 here)",
    )  # fmt: skip
    p.add_argument("--seed", type=_seed, default=DEFAULT_SEED, metavar="S", help=f"Monte Carlo seed (default: {DEFAULT_SEED})")
    p.add_argument(
        "--timeout", type=float, default=None, metavar="SECONDS",
        help="the most seconds Chromium may take for one PDF (default: 60)",
    )  # fmt: skip
    return p


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{value} is not in 1..1,000,000")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < 2**64:
        raise argparse.ArgumentTypeError(f"{value} is not in 0..2^64-1")
    return value


class _Output:
    """Where each memo goes."""

    def __init__(self, output: Optional[str], count: int) -> None:
        self.file: Optional[Path] = None
        self.directory = Path(".")
        if output is None:
            return
        path = Path(output)
        if path.is_dir() or output.endswith(("/", os.sep)) or count > 1:
            if path.exists() and not path.is_dir():
                raise ValueError(f"-o {output}: several memos go to a directory, and this is a file")
            self.directory = path
        else:
            self.file = path

    def html(self, application_id: str) -> Path:
        if self.file is not None:
            return self.file
        return self.directory / f"{application_id}.html"


def _error(stderr: TextIO, message: str) -> None:
    print(f"socinv report: {message}", file=stderr)


def _assessments(path: str, rules: RuleSet, fund: Optional[str]) -> tuple[list[Assessment], list[str]]:
    """The assessments of one file (a .jsonl file holds many) and its errors as text."""
    from socinv.assessment import assess, assess_many
    from socinv.errors import InputError

    try:
        if path.endswith(".jsonl"):
            results, problems = assess_many(path, rules, fund_available=fund, errors="collect")
            return results, [str(e) for e in problems]
        return [assess(path, rules, fund_available=fund)], []
    except InputError as e:
        return [], [str(e) if e.source else f"{path}: {e}"]
    except OSError as e:
        return [], [f"{path}: {e.strerror or e}"]


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def main(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    from socinv.errors import InputError
    from socinv.report import report_assessment
    from socinv.report.pdf import DEFAULT_TIMEOUT, PdfError, find_chromium, html_to_pdf
    from socinv.rules import load_rules

    try:
        args = parser().parse_args(list(argv))
    except SystemExit as stop:  # argparse has printed the usage or the help
        return EXIT_OK if stop.code in (0, None) else EXIT_BAD_INPUT
    try:
        output = _Output(args.output, len(args.files))
    except ValueError as e:
        _error(stderr, str(e))
        return EXIT_BAD_INPUT
    try:
        rules = load_rules(args.rules)
    except (InputError, OSError) as e:
        _error(stderr, f"--rules: {e}")
        return EXIT_BAD_INPUT
    if args.fund_available is not None:
        from socinv.money import parse_sek

        try:
            parse_sek(args.fund_available)
        except InputError as e:
            _error(stderr, f"--fund-available: {e.message}")
            return EXIT_BAD_INPUT
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    if timeout <= 0:
        _error(stderr, f"--timeout must be positive, not {args.timeout:g}")
        return EXIT_BAD_INPUT

    if args.pdf:
        try:
            find_chromium()
        except PdfError as e:
            _error(stderr, str(e))
            return EXIT_BAD_INPUT

    status = EXIT_OK
    written: dict[Path, str] = {}
    for path in args.files:
        assessments, problems = _assessments(path, rules, args.fund_available)
        for problem in problems:
            _error(stderr, problem)
            status = EXIT_BAD_INPUT
        for assessment in assessments:
            source = f"{path} ({assessment.id})" if path.endswith(".jsonl") else path
            target = output.html(assessment.id)
            if target.resolve() in written:
                _error(stderr, f"{source}: /id: {assessment.id!r} is also the id of {written[target.resolve()]}; not written")
                status = EXIT_BAD_INPUT
                continue
            try:
                html = report_assessment(assessment, args.lang, draws=args.draws, seed=args.seed)
            except InputError as e:
                _error(stderr, f"{source}: {e}" if not e.source else str(e))
                status = EXIT_BAD_INPUT
                continue
            try:
                _write_text(target, html)
            except OSError as e:
                _error(stderr, f"{target}: {e.strerror or e}")
                status = EXIT_BAD_INPUT
                continue
            written[target.resolve()] = source
            print(target, file=stdout)
            if args.pdf:
                pdf = target.with_suffix(".pdf")
                try:
                    html_to_pdf(target, pdf, timeout=timeout)
                except PdfError as e:
                    _error(stderr, str(e))
                    status = EXIT_BAD_INPUT
                    continue
                print(pdf, file=stdout)
    return status
