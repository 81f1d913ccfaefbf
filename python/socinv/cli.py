"""The ``socinv`` console script: runs the C++ command line in this process.

``socinv --help`` and ``socinv assess --help`` describe it; the exit codes are 0 (every
application passes), 1 (some application does not) and 2 (bad input or usage).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from typing import NoReturn, Optional

from socinv import _core

__all__ = ["main"]


def main(argv: Optional[Sequence[str]] = None) -> NoReturn:
    # Behave like the native tool: Ctrl-C stops it at once (the C++ code runs without the GIL,
    # so Python's KeyboardInterrupt would wait for the batch to end) and a closed pipe
    # (`socinv assess big.jsonl | head`) ends it quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = list(sys.argv[1:] if argv is None else argv)
    sys.exit(_core.run_cli(args))
