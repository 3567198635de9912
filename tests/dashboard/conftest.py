"""The dashboard in a real browser: Debian's chromium driven by Playwright, against the real server
(uvicorn in a thread, a free localhost port) over a SQLite store of the bundled samples and of
articles that carry HTML and script (tests/fixtures/hostile.jsonl).

Without chromium the tests are skipped, unless DYAD_REQUIRE_BROWSER=1 (CI sets it: there they must
run). Screenshots of the main views go to $DYAD_ARTIFACTS, else build/screenshots/."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dyad.api.browser import CHROMIUM_ARGS, find_chromium
from dyad.model import Document
from dyad.store import IngestCounts, Store
from tests.api.conftest import sample_documents

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTIFACTS = Path(os.environ.get("DYAD_ARTIFACTS") or Path(__file__).parents[2] / "build" / "screenshots")


def hostile_documents() -> list[Document]:
    lines = (FIXTURES / "hostile.jsonl").read_text(encoding="utf-8").splitlines()
    return [Document.from_json(json.loads(line)) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("DYAD_REQUIRE_BROWSER") == "1":
            pytest.fail("DYAD_REQUIRE_BROWSER=1 but chromium or playwright is missing (apt-get install chromium)")
        pytest.skip("no chromium here (apt-get install chromium) or no playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site(engine, tmp_path_factory):
    """The server over a store of the samples and the hostile articles: (base URL, store)."""
    from dyad.api import create_app
    from dyad.api.server import running

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'store.db'}")
    counts = IngestCounts()
    store.ingest(engine.code_many(store.new_documents(sample_documents() + hostile_documents(), counts)), counts, batch=5)
    with running(create_app(store, engine=engine)) as base:
        yield base, store
    store.engine.dispose()


class Watched:
    """A page with what it did beside drawing: dialogs opened, console errors (CSP violations are
    reported there), page errors and the URLs it asked for."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str = "/") -> None:
        """Go to ``path`` and wait until the dashboard says the view is drawn."""
        self.page.goto(self.base + path)
        self.drawn()

    def drawn(self, before: str | None = None) -> None:
        """Wait for the view to be drawn (after ``before``, the previous drawing's stamp)."""
        if before is None:
            self.page.wait_for_selector("body[data-rendered]", state="attached", timeout=30_000)
        else:
            self.page.wait_for_function("s => document.body.dataset.rendered !== s", arg=before, timeout=30_000)

    def stamp(self) -> str | None:
        return self.page.evaluate("document.body.dataset.rendered || null")

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def dashboard(browser, site):
    base, _store = site
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watched = Watched(page, base)
    yield watched
    context.close()
