"""Printing a memo to PDF with headless Chromium (Debian's ``chromium``; scripts/setup.sh
installs it). The browser is started for each document with a fresh profile in a temporary
directory (the memo's own Content-Security-Policy forbids scripts and every fetch), and is killed, with every
process it started, when it takes longer than ``timeout`` seconds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Union

__all__ = ["BROWSERS", "DEFAULT_TIMEOUT", "PdfError", "find_chromium", "html_to_pdf"]

#: Where the browser is looked for, in this order, unless ``SOCINV_CHROMIUM`` names it.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Seconds one document may take (a memo takes one to three on two cores).
DEFAULT_TIMEOUT = 60.0


class PdfError(RuntimeError):
    """The PDF could not be made: no browser, the browser failed, or it took too long."""


def find_chromium(explicit: Optional[str] = None) -> str:
    """The browser to print with: ``explicit``, else ``$SOCINV_CHROMIUM``, else the first of
    :data:`BROWSERS` on ``PATH``. Raises :class:`PdfError` when there is none."""
    wanted = explicit or os.environ.get("SOCINV_CHROMIUM")
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise PdfError(f"chromium not found: {wanted!r} is not an executable")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise PdfError(
        "chromium not found: --pdf prints with headless Chromium; install Debian's chromium "
        "package (scripts/setup.sh does) or set SOCINV_CHROMIUM to the browser"
    )


def _command(browser: str, profile: str, pdf: Path, url: str) -> list[str]:
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        url,
    ]


def html_to_pdf(
    html: Union[str, os.PathLike[str]],
    pdf: Union[str, os.PathLike[str]],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    chromium: Optional[str] = None,
) -> Path:
    """Print the HTML file ``html`` to ``pdf`` (A4, as the memo's stylesheet asks) and return
    the PDF's path. The PDF appears whole or not at all: it is written beside its final name
    and renamed. Raises :class:`PdfError` naming the file when it cannot be made."""
    source = Path(html).resolve()
    target = Path(pdf)
    if not source.is_file():
        raise PdfError(f"{source}: no such file to print")
    browser = find_chromium(chromium)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="socinv-chromium-") as profile:
        partial = Path(profile) / "out.pdf"
        process = subprocess.Popen(
            _command(browser, profile, partial, source.as_uri()),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that a timeout ends all of it
        )
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise PdfError(f"{target}: chromium did not finish within {timeout:g} s") from None
        finally:
            if process.poll() is None:
                _kill_group(process)
        log = output.decode("utf-8", "replace") if output else ""
        if process.returncode != 0 or not partial.is_file() or not partial.read_bytes()[:5] == b"%PDF-":
            tail = "\n".join(log.strip().splitlines()[-5:])
            raise PdfError(f"{target}: chromium failed (exit {process.returncode}){': ' + tail if tail else ''}")
        temporary = target.with_name(f".{target.name}.partial")
        shutil.move(str(partial), str(temporary))
        os.replace(temporary, target)
    return target


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()  # reaps it and closes its pipe
