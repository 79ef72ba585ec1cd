"""The app over several documents, in headless Chromium: choose a document, ask, see its citation."""

from __future__ import annotations

import shutil

import pytest
from browser_support import open_page
from ui_server import free_port

from tests.conftest import CORPUS
from tests.documents_factory import write_docx

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

NEXT_YEAR = "heping-2022-plan"
NEXT_YEAR_CITATION = "和平区2021年计划执行情况与2022年计划报告(2022-01-25) › "


@pytest.fixture(scope="module")
def shelf_url(tmp_path_factory, index_dir, searcher, request):
    """The app over the real report and the following year's report (a Word file), on a free port."""
    from qa.answering.search import Searcher
    from qa.app.ui import build_app
    from qa.documents.library import add_documents
    from qa.index.store import Index, update_index

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


def test_choosing_a_document_keeps_answers_and_citations_in_it(browser, shelf_url):  # noqa: F811
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
    page.context.close()
