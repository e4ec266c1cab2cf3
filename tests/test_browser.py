"""The class index and an essay report in a real browser (Debian's chromium, headless).

Skipped only when /usr/bin/chromium or /usr/bin/chromedriver is absent; .ci/run installs it. Screenshots go to
test-artifacts/ at the repository root (git-ignored).
"""

import shutil
from pathlib import Path

import pytest

from browser_support import chromium, needs_chromium
from essaycheck.batch import run_batch
from essaycheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def class_reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    shutil.copy(SAMPLES / "mistakes-essay.docx", root / "zoe mistakes.docx")
    shutil.copy(SAMPLES / "clean-essay.txt", root / "adam-clean.txt")
    shutil.copy(SAMPLES / "mistakes-essay.txt", root / "mia <b>mistakes & co.txt")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    result = run_batch(root, root / "out", Settings(resolve=False, jobs=1))
    return result


def column(driver, index):
    return [cell.text for cell in driver.find_elements("css selector", f"#essays tbody tr td:nth-child({index})")]


def test_index_loads_sorts_and_links_to_a_report(browser, class_reports):
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get((class_reports.outdir / "index.html").as_uri())
    assert browser.title.startswith("Citation check")
    assert len(browser.find_elements("css selector", "#essays tbody tr")) == 4
    assert browser.find_element("id", "summary").text == class_reports.summary_line
    assert column(browser, 1)[0] == "adam-clean.txt"  # file order
    assert "mia <b>mistakes & co.txt" in column(browser, 1)[2]  # escaped, shown as written

    errors_header = browser.find_elements("css selector", "#essays thead th")[5]
    errors_header.click()
    ascending = [int(x) if x.isdigit() else -1 for x in column(browser, 6)]
    assert ascending == sorted(ascending) and errors_header.get_attribute("aria-sort") == "ascending"
    errors_header.click()
    descending = [int(x) if x.isdigit() else -1 for x in column(browser, 6)]
    assert descending == sorted(descending, reverse=True)

    file_header = browser.find_elements("css selector", "#essays thead th")[0]
    file_header.click()
    file_header.click()
    assert column(browser, 1)[0].startswith("zoe mistakes.docx")

    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "batch-index.png"))

    browser.find_element("link text", "zoe mistakes.docx").click()
    WebDriverWait(browser, 10).until(expected_conditions.title_contains("zoe mistakes.docx"))
    assert browser.current_url.endswith("zoe%20mistakes.docx.html")
    marks = browser.find_elements("css selector", ".essay mark")
    assert marks and all(m.is_displayed() for m in marks[:3])
    problems = browser.find_elements("css selector", "ol.problems > li")
    errors = int(browser.find_element("css selector", "#count-errors b").text)
    warnings = int(browser.find_element("css selector", "#count-warnings b").text)
    assert len(problems) >= errors + warnings > 0
    browser.save_screenshot(str(ARTIFACTS / "batch-essay-report.png"))

    # a problem's place link scrolls to its highlight
    link = browser.find_element("css selector", "ol.problems > li a[href^='#at-']")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    where = browser.execute_script(
        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return [location.hash, window.scrollY, r.top, window.innerHeight];", target)
    assert where[0] == f"#{target}" and where[1] > 0 and -2 <= where[2] < where[3], where
    assert not browser.find_elements("css selector", "script[src], link[rel=stylesheet], img[src^='http']")
