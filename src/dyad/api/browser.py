"""Finding a chromium for Playwright: the dashboard's tests and ``dyad bench --api`` drive the
system's chromium (Debian's package; Playwright's own download is not used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# root needs --no-sandbox; the rest keeps chromium from reaching out to the network on its own
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def find_chromium() -> str | None:
    """$DYAD_CHROMIUM, else chromium on the PATH or in /usr/bin; None without one or without playwright."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None
    for candidate in (os.environ.get("DYAD_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None
