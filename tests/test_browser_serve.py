"""The page of ``essaycheck serve`` in a real browser (Debian's chromium, headless), served on 127.0.0.1.

Skipped only when /usr/bin/chromium or /usr/bin/chromedriver is absent; .ci/run installs them. The
screenshot of the README is taken here (test-artifacts/serve-page.png, git-ignored; docs/ keeps a copy).
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import docx
import pytest
from pytest_httpserver import HTTPServer

import essaycheck
from essaycheck.serve import ServeLimits
from essaycheck.settings import Settings

from browser_support import chromium, needs_chromium
from serve_support import RunningServer

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ARTIFACTS = ROOT / "test-artifacts"
FIXTURES = Path(__file__).with_name("http_fixtures")
RAJ_DOI = "10.1177/0146167217697299"
OFFLINE = Settings(resolve=False, progress=False)

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def server():
    with RunningServer(OFFLINE, ServeLimits(checks_per_minute=1000)) as running:
        yield running


def _wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _check_in_page(driver, base: str, path: Path) -> None:
    driver.get(base + "/")
    driver.find_element("id", "essay").send_keys(str(path))
    _wait(driver, lambda d: d.find_elements("css selector", "#report section.problems")
          or "app-error" in d.find_element("id", "status").get_attribute("class"))


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;", element)


def test_a_student_checks_an_essay_and_gets_the_report_and_the_annotated_copy(browser, server):
    essay = SAMPLES / "mistakes-essay.docx"
    expected = essaycheck.check(essay, OFFLINE)
    _check_in_page(browser, server.url, essay)
    status = browser.find_element("id", "status").text
    errors = sum(p.severity.value == "error" for p in expected.problems)
    assert status.startswith(f"mistakes-essay.docx: {errors} errors")
    problems = browser.find_elements("css selector", "ol.problems > li")
    assert len(problems) == len(expected.problems)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "serve-page.png"))

    # a problem -> its place in the essay
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    last = problems[-1]
    link = last.find_element("css selector", "a[href^='#at-']")
    number = link.get_attribute("href").rsplit("-", 1)[1]
    place = browser.find_element("id", f"at-{number}")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    marked = browser.execute_script("return arguments[0].nextElementSibling || arguments[0].parentElement", place)
    assert _in_view(browser, marked)
    # ... and back: a mark -> its problem
    browser.execute_script("window.scrollTo(0, 0)")
    mark = browser.find_element("css selector", f"mark[data-problems~='{number}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    target = browser.find_element("id", f"problem-{mark.get_attribute('data-problems').split()[0]}")
    assert _in_view(browser, target)

    # copy a fix
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": server.url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    fix = browser.find_element("css selector", ".fix code")
    button = fix.find_element("xpath", "following-sibling::button[contains(@class, 'copy')]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    _wait(browser, lambda d: button.text != "Copy", 10)
    assert button.text == "Copied"
    from selenium.webdriver.common.keys import Keys

    search = browser.find_element("id", "problem-search")  # paste it back, as the student would
    search.click()
    search.send_keys(Keys.CONTROL, "v")
    assert search.get_attribute("value") == fix.text
    search.clear()
    browser.execute_script("arguments[0].dispatchEvent(new Event('input'))", search)

    # the filters hide a severity, the search box narrows the list
    browser.find_element("id", "show-warning").click()
    assert not any(li.is_displayed() for li in browser.find_elements("css selector", "ol.problems > li.warning"))
    browser.find_element("id", "show-warning").click()
    search = browser.find_element("id", "problem-search")
    search.send_keys("missing-reference")
    shown = [li for li in browser.find_elements("css selector", "ol.problems > li") if li.is_displayed()]
    assert len(shown) == sum(p.rule == "missing-reference" for p in expected.problems) > 0

    # the annotated copy, as the browser downloads it
    download = browser.find_element("id", "download-annotated")
    assert download.get_attribute("download") == "mistakes-essay.annotated.docx"
    data = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
        "  let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); done(btoa(s)); },"
        "  e => done('failed: ' + e));",
        download.get_attribute("href"))
    annotated = docx.Document(io.BytesIO(base64.b64decode(data)))
    assert len(list(annotated.comments)) == len(expected.problems)
    assert browser.find_element("id", "download-references_docx").get_attribute("download") == \
        "mistakes-essay references.docx"


def test_script_in_the_essay_or_its_name_never_runs(browser, server, tmp_path):
    name = tmp_path / "<img src=x onerror=window.__pwned=3>.txt"
    name.write_text("A title\n\nShe wrote <script>window.__pwned=1</script> and "
                    "<img src=x onerror=\"window.__pwned=2\"> here (Smith, 2019).\n\nReferences\n\n"
                    "Smith, J. (2019). <b onmouseover=\"window.__pwned=4\">Title</b>. Publisher.\n", encoding="utf-8")
    _check_in_page(browser, server.url, name)
    assert browser.execute_script("return window.__pwned === undefined")
    essay_text = browser.find_element("css selector", "#report section.essay").text
    assert "<script>window.__pwned=1</script>" in essay_text  # shown as written, not run
    assert "_img src=x onerror=window.__pwned=3_.txt" in browser.find_element("id", "status").text  # made safe
    assert not browser.find_elements("css selector", "#report script, #report img, #report b[onmouseover]")


def test_an_unreadable_file_gets_a_message_in_the_page(browser, server, tmp_path):
    fake = tmp_path / "essay.docx"
    fake.write_bytes(b"%PDF-1.7\n" + b"0" * 200)
    _check_in_page(browser, server.url, fake)
    status = browser.find_element("id", "status")
    assert "app-error" in status.get_attribute("class") and "PDF" in status.text
    assert not browser.find_elements("css selector", "#report section")


def test_cite_a_doi_box(browser, tmp_path, monkeypatch):
    stand_in = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    stand_in.start()
    monkeypatch.setenv("ESSAYCHECK_DOI_URL", stand_in.url_for("/doi").rstrip("/"))
    monkeypatch.setenv("ESSAYCHECK_CROSSREF_URL", stand_in.url_for("/crossref").rstrip("/"))
    stand_in.expect_request(f"/doi/{RAJ_DOI}").respond_with_data(
        (FIXTURES / "raj2017.csl.json").read_text(encoding="utf-8"),
        content_type="application/vnd.citationstyles.csl+json")
    settings = Settings(cache_dir=str(tmp_path / "cache"), allow_private_urls=True, lookups=(), progress=False)
    try:
        with RunningServer(settings) as running:
            browser.get(running.url + "/")
            browser.find_element("id", "doi").send_keys(f"https://doi.org/{RAJ_DOI}\n")
            entry = _wait(browser, lambda d: d.find_elements("css selector", "#cite-result .entry"))[0]
            assert re.match(r"Raj, M\., Fast, N\. J\., & Fisher, O\. \(2017\)\.", entry.text)
            assert entry.find_element("tag name", "i").text == "Personality and Social Psychology Bulletin"
            assert "(Raj et al., 2017)" in browser.find_element("id", "cite-result").text
            box = browser.find_element("id", "doi")
            box.clear()
            box.send_keys("not a doi\n")
            _wait(browser, lambda d: "is not a DOI" in d.find_element("id", "cite-result").text)
    finally:
        stand_in.stop()
