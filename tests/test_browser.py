"""Real-browser tests: Playwright driving Debian's Chromium against the live server.

Screenshots of every page go to artifacts/screenshots/ (git-ignored)."""

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"
    ),
]


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop; Django must still be allowed its synchronous ORM calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, loaded):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def loaded(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_statutes", verbosity=0)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_map_variable_and_tile_click(page):
    page.goto(page.base + "/")
    shot(page, "home")
    page.select_option("#color", "has_offense_titled_harassment")
    page.click("text=Show")
    assert "color=has_offense_titled_harassment" in page.url
    assert page.locator(".legend li").count() >= 2
    page.locator('a[data-code="TX"]').click()
    page.wait_for_url("**/jurisdictions/tx/")
    assert page.locator("h1").inner_text().startswith("Texas")
    shot(page, "jurisdiction-tx")


def test_compare_two_filters_narrow_the_rows(page):
    page.goto(page.base + "/compare/")
    shot(page, "compare")
    all_rows = page.locator("table.matrix tbody tr").count()
    page.locator("summary", has_text="Jurisdiction").first.click()
    page.check('input[name="jurisdiction"][value="NY"]')
    page.locator("summary", has_text="Mens rea level").click()
    page.check('input[name="mens_rea_level"][value="purpose_intent"]')
    page.click("button:has-text('Apply')")
    page.wait_for_load_state()
    assert "jurisdiction=NY" in page.url and "mens_rea_level=purpose_intent" in page.url
    rows = page.locator("table.matrix tbody tr")
    assert 0 < rows.count() < all_rows
    for i in range(rows.count()):
        assert rows.nth(i).locator("td").first.inner_text() == "NY"
    shot(page, "compare-filtered")


def test_compare_csv_download(page):
    page.goto(page.base + "/compare/?jurisdiction=TX")
    with page.expect_download() as info:
        page.click("text=CSV")
    download = info.value
    table = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert table and all(row["jurisdiction"] == "TX" for row in table)


def test_side_by_side(page):
    page.goto(page.base + "/compare/side-by-side/")
    for code in ("TX", "NY", "CA"):
        page.check(f'input[name="jurisdiction"][value="{code}"]')
    page.click("button:has-text('Compare')")
    page.wait_for_load_state()
    assert page.locator("table.sbs thead th").count() == 4
    assert page.locator("tr.differs").count() > 0
    shot(page, "side-by-side")


def test_eligibility_checker_answers_without_any_question_answered(page):
    page.goto(page.base + "/eligibility/")
    page.select_option("#jurisdiction", "NY")
    page.click("button:has-text('Next')")
    page.select_option("#offense", "ny-penal-240.26")
    page.click("button:has-text('Check')")
    page.wait_for_load_state()
    assert page.locator("#results-title").is_visible()
    assert "prosecutor agrees" in page.locator(".program").first.inner_text().lower()
    shot(page, "eligibility")


@pytest.mark.parametrize("path", ["/codebook/", "/search/?q=harass", "/changes/", "/jurisdictions/ny/", "/api/docs/"])
def test_other_pages_render(page, path):
    response = page.goto(page.base + path)
    assert response.status == 200
    shot(page, path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "root")
