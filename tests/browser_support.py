"""Headless Chromium for the browser tests: one browser per test session, pages opened on the app."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from ui_server import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
TIMINGS = ROOT / "artifacts" / "ui-timings.json"
TIMEOUT = 30_000  # ms
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

timings: dict[str, float] = {}



def launch_browser():
    """Headless Chromium for a test session (a generator: the pytest fixture in conftest drives it)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        # In CI a missing browser is a failure: a skipped browser test would pass the run untested.
        stop = pytest.fail if os.environ.get("CI") else pytest.skip
        stop("Chromium is not installed (apt-get install chromium): browser tests not run")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if timings:
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        TIMINGS.write_text(json.dumps(timings, ensure_ascii=False, indent=2), "utf-8")


def open_page(browser, app_url, viewport=DESKTOP, clipboard=False):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    return page
