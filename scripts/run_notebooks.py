"""Execute notebooks top to bottom and report which ones fail.

Usage: python scripts/run_notebooks.py notebooks/*.ipynb

Each notebook runs in memory (the file is not rewritten) in a kernel started
with this interpreter, so run it with the virtualenv's python to test the
installed socinv. Cells run with the notebook's folder as working directory.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from traitlets import default

CELL_TIMEOUT_S = 600
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Kernel sockets: an absolute path, since the kernel runs in the notebook's folder.
_SOCKET_DIR = tempfile.TemporaryDirectory(prefix="socinv-nb-")


class _ThisInterpreter(KernelSpecManager):
    """Every kernel name resolves to an ipykernel on sys.executable.

    A 'python3' kernel spec installed elsewhere (user or system Jupyter dirs)
    would otherwise win over the virtualenv's interpreter.
    """

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name=f"Python ({sys.executable})",
            language="python",
            metadata={"debugger": False},
        )


class _Manager(KernelManager):
    """A kernel manager on a local socket that always starts sys.executable."""

    @default("kernel_spec_manager")
    def _default_kernel_spec_manager(self) -> KernelSpecManager:
        return _ThisInterpreter(parent=self)

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        return os.path.join(_SOCKET_DIR.name, "kernel")


def run(path: Path) -> str | None:
    """Return None on success, or the error text of the failing cell."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        kernel_manager_class=_Manager,
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    try:
        client.execute()
    except Exception as exc:  # CellExecutionError, CellTimeoutError, kernel death
        return _ANSI.sub("", f"{type(exc).__name__}: {exc}")
    return None


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print("error: not a file: " + ", ".join(map(str, missing)), file=sys.stderr)
        return 1
    if not paths:
        print("error: no notebooks found", file=sys.stderr)
        return 1

    # debugpy in ipykernel warns about frozen modules on every kernel start.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    passed = failed = 0
    for path in paths:
        start = time.perf_counter()
        error = run(path)
        elapsed = time.perf_counter() - start
        if error is None:
            passed += 1
            print(f"PASS {path} ({elapsed:.1f} s)", flush=True)
        else:
            failed += 1
            print(f"FAIL {path} ({elapsed:.1f} s)", flush=True)
            print(error, file=sys.stderr, flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
