"""The real app in headless Chromium: ask, see the answer marked, follow the citation into the reader,
copy a citation, Traditional display, escaping, phone width. Saves screenshots to artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
import time

import pytest
from browser_support import PHONE, SCREENSHOTS, open_page, timings
from ui_server import free_port, shared_app_url

from qa.answering.search import Searcher
from qa.app.ui import build_app
from qa.documents.library import add_documents
from qa.index.store import Index, update_index
from tests.conftest import CORPUS
from tests.documents_factory import write_docx

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

JOBS_QUESTION = "2021年新增就业的目标是多少?"


@pytest.fixture(scope="session")
def app_url(searcher, request):
    return shared_app_url(searcher, request)


def ask(page, question: str) -> float:
    """Type a question, press Enter, wait until its answer (or message) is shown; seconds taken."""
    box = page.locator("#qa-question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        """(q) => {
            const shown = document.querySelector('#qa-results .qa-question q');
            return (shown && shown.textContent === q) || document.querySelector('#qa-results .qa-notice');
        }""",
        arg=question,
    )
    return time.perf_counter() - started


def wait_in_view(page, element_id: str) -> None:
    """Wait until the element's top is within the upper part of the window (scrolled to it)."""
    page.wait_for_function(
        """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.top <= window.innerHeight * 0.6; }""",
        arg=element_id,
    )
    page.wait_for_timeout(1000)  # and stays there once the reader has settled
    top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", element_id)
    assert 0 <= top <= page.viewport_size["height"] * 0.6


def shot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def test_answer_is_marked_and_the_citation_opens_the_reader_there(browser, app_url):
    page = open_page(browser, app_url)
    timings["first_answer_seconds"] = round(ask(page, JOBS_QUESTION), 3)
    hit = page.locator("#qa-results li.qa-hit", has=page.locator("mark", has_text="新增就业2万人")).first
    hit.wait_for()
    assert "可信度" in hit.inner_text()
    shot(page, "answer-desktop.png")

    # Warm figure: the same question typed again after another one.
    ask(page, "2020年和平区新增就业多少人?")
    timings["answer_seconds"] = round(ask(page, JOBS_QUESTION), 3)

    hit = page.locator("#qa-results li.qa-hit", has=page.locator("mark", has_text="新增就业2万人")).first
    link = hit.locator("a.qa-cite")
    anchor = link.get_attribute("data-anchor")
    link.click()
    cited = page.locator(f"#qa-reader .qa-psg.qa-cited#{anchor}")
    cited.wait_for()
    assert page.locator("#qa-tab-reader-button").get_attribute("aria-selected") == "true"
    assert "新增就业2万人" in cited.inner_text()
    assert page.locator(".qa-psg.qa-cited").count() == 1
    wait_in_view(page, anchor)
    shot(page, "reader-desktop.png", full_page=False)
    page.context.close()


def test_citation_is_usable_by_keyboard(browser, app_url):
    page = open_page(browser, app_url)
    ask(page, "什么是“双百行动”?")
    link = page.locator("#qa-results a.qa-cite").first
    anchor = link.get_attribute("data-anchor")
    link.focus()
    page.keyboard.press("Enter")
    page.locator(f".qa-psg.qa-cited#{anchor}").wait_for()
    assert page.evaluate("document.activeElement.id") == anchor
    # The ask button and the copy buttons are reachable with Tab.
    page.get_by_role("tab", name="问答").click()
    page.locator("#qa-question textarea").focus()
    reached = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.className"))
    assert "qa-ask-btn" in reached
    assert "qa-cite" in reached and "qa-copy" in reached
    page.context.close()


def test_script_in_a_question_shows_literally_and_never_runs(browser, app_url):
    page = open_page(browser, app_url)
    question = "<img src=x onerror=alert(1)><script>alert(2)</script>${alert(3)}是什么"
    ask(page, question)
    page.wait_for_timeout(500)
    assert page.locator("#qa-results .qa-question q").inner_text() == question
    assert page.locator("#qa-results img").count() == 0
    assert page.locator("#qa-results script").count() == 0
    assert page.dialogs == []
    page.context.close()


def test_empty_and_too_long_questions_give_a_chinese_message(browser, app_url):
    page = open_page(browser, app_url)
    ask(page, "   ")
    notice = page.locator("#qa-results .qa-notice-error")
    assert "问题不能为空" in notice.inner_text()
    page.locator("#qa-question textarea").fill("就" * 600)
    page.locator("#qa-ask-btn").click()
    page.wait_for_function("document.querySelector('#qa-results').innerText.includes('问题太长')")
    assert "Traceback" not in page.locator("body").inner_text()
    page.context.close()


def test_copy_citation_puts_citation_and_passage_on_the_clipboard(browser, app_url):
    page = open_page(browser, app_url, clipboard=True)
    ask(page, JOBS_QUESTION)
    button = page.locator("#qa-results button.qa-copy").first
    button.click()
    page.wait_for_function("document.querySelector('#qa-results button.qa-copy').textContent.includes('已复制')")
    copied = page.evaluate("navigator.clipboard.readText()")
    first = page.locator("#qa-results li.qa-hit").first
    assert first.locator("a.qa-cite").inner_text() in copied
    assert first.locator("blockquote").inner_text().strip() in copied
    page.context.close()


def test_traditional_question_switches_to_traditional_display(browser, app_url):
    page = open_page(browser, app_url)
    ask(page, "和平區2021年新增就業目標是多少?")
    page.locator("#qa-results .qa-answer.qa-traditional").wait_for()
    assert page.locator("#qa-trad input").is_checked()
    assert "就業" in page.locator("#qa-results li.qa-hit mark").first.inner_text()
    page.locator("#qa-trad input").uncheck()
    page.wait_for_function("!document.querySelector('#qa-results .qa-traditional')")
    assert "就业" in page.locator("#qa-results li.qa-hit mark").first.inner_text()
    page.context.close()


def test_part_filter_limits_the_passages(browser, app_url):
    page = open_page(browser, app_url)
    ask(page, "就业")
    page.locator("#qa-part label", has_text="附注").click()
    page.wait_for_function(
        """() => { const parts = [...document.querySelectorAll('#qa-results .qa-part')].map(e => e.textContent);
                   return parts.length > 0 && parts.every(p => p === '附注'); }"""
    )
    page.context.close()


def no_horizontal_overflow(page) -> list[str]:
    """Elements that stick out to the right of the viewport (empty when nothing scrolls sideways)."""
    return page.evaluate(
        """() => {
            const root = document.documentElement, width = root.clientWidth;
            if (root.scrollWidth > width) return ['document ' + root.scrollWidth];
            const sticksOut = (e) => { const r = e.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.right > width + 1 && !e.closest('.qa-table-wrap'); };
            return [...document.querySelectorAll('.gradio-container *')].filter(sticksOut).slice(0, 5)
              .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        }"""
    )


def test_phone_width_has_no_horizontal_scrolling(browser, app_url):
    page = open_page(browser, app_url, viewport=PHONE)
    ask(page, JOBS_QUESTION)
    page.locator("#qa-results li.qa-hit mark").first.wait_for()
    assert no_horizontal_overflow(page) == []
    shot(page, "answer-phone.png")
    page.locator("#qa-results a.qa-cite").first.click()
    cited = page.locator(".qa-psg.qa-cited")
    cited.wait_for()
    wait_in_view(page, cited.get_attribute("id"))
    assert no_horizontal_overflow(page) == []
    shot(page, "reader-phone.png", full_page=False)
    page.get_by_role("tab", name="核对").click()
    page.locator("#qa-claim textarea").wait_for()
    assert no_horizontal_overflow(page) == []
    page.context.close()


def test_check_tab_shows_a_verdict(browser, app_url):
    page = open_page(browser, app_url)
    page.get_by_role("tab", name="核对").click()
    box = page.locator("#qa-claim textarea")
    box.fill("2020年和平区新增就业5万人")
    box.press("Enter")
    label = page.locator("#qa-verdict .qa-verdict-label")
    label.wait_for()
    assert label.inner_text() in {"报告支持", "与报告不符", "报告未提及"}
    shot(page, "check-desktop.png")
    page.context.close()


# The app over several documents: choose a document, ask, see its citation.
NEXT_YEAR = "heping-2022-plan"
NEXT_YEAR_CITATION = "和平区2021年计划执行情况与2022年计划报告(2022-01-25) › "


@pytest.fixture(scope="module")
def shelf_url(tmp_path_factory, index_dir, searcher, request):
    """The app over the real report and the following year's report (a Word file), on a free port."""
    root = tmp_path_factory.mktemp("browser-shelf")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    shutil.copy(next(CORPUS.glob("*.txt")), corpus)
    shutil.copytree(index_dir.resolve(), index)
    add_documents(corpus, [write_docx(root)], {})
    update_index(index, corpus)
    app = build_app(Searcher(Index.load(index, corpus, embedder=searcher.index.embedder)))
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    request.addfinalizer(app.close)
    return f"http://127.0.0.1:{port}/"


def test_choosing_a_document_keeps_answers_and_citations_in_it(browser, shelf_url):
    page = open_page(browser, shelf_url)
    assert "2 份文件" in page.locator(".qa-footer").inner_text()
    page.locator("#qa-docs input").click()
    page.get_by_role("option", name=NEXT_YEAR_CITATION.split(" › ")[0]).click()
    page.locator("#qa-question textarea").fill("新增就业多少人?")
    page.locator("#qa-question textarea").press("Enter")
    page.locator("#qa-results li.qa-hit").first.wait_for()
    citations = page.locator("#qa-results a.qa-cite").all_inner_texts()
    assert citations and all(text.startswith(NEXT_YEAR_CITATION) for text in citations)
    assert "3.3万人" in page.locator("#qa-results li.qa-hit").first.inner_text()
    # The verdict names the document it rests on.
    page.get_by_role("tab", name="核对").click()
    page.locator("#qa-claim textarea").fill("新增就业3.3万人")
    page.locator("#qa-claim textarea").press("Enter")
    source = page.locator("#qa-verdict .qa-verdict-source")
    source.wait_for()
    assert source.inner_text() == "据《" + NEXT_YEAR_CITATION.split("(")[0] + "》(2022-01-25)"
    assert page.locator("#qa-verdict .qa-verdict-label").inner_text() == "报告支持"
    page.context.close()
