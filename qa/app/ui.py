"""The web app: ask the report a question, check a statement against it, read it.

    python ui.py [--host 127.0.0.1] [--port 7860] [--corpus corpus] [--index index] [--model NAME]

The page only calls down into the package: :class:`qa.app.service.Service` answers and checks,
:mod:`qa.app.render` turns the results into (escaped) HTML, :mod:`qa.documents.reader` lays out the
report. Importing this module has no side effects; ``build_app(searcher)`` returns the ``gr.Blocks``.

Named API endpoints, for ``gradio_client``:

    Client(url).predict("问题", 5, "plan", api_name="/ask")          # the JSON of ``qa ask --json``
    Client(url).predict("说法", api_name="/check")                   # the JSON of ``qa check --json``
    Client(url).predict("问题", ["doc-id"], api_name="/ask_in")      # ``qa ask --doc doc-id --json``
    Client(url).predict("说法", ["doc-id"], api_name="/check_in")    # ``qa check --doc doc-id --json``

The document-choosing endpoints are separate from ``/ask`` and ``/check``: a raw HTTP call must send
every parameter of an endpoint, so a parameter added to ``/ask`` would break every existing raw caller.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from qa.answering.search import Searcher
from qa.app.assets import FONT_STACK, static_text
from qa.app.examples import examples_for
from qa.app.limits import (
    CONCURRENCY,
    MAX_BODY_BYTES,
    MAX_FILE_SIZE,
    QUEUE_MAX_SIZE,
    BodyLimit,
    address_notice,
    bound_threads,
)
from qa.app.render import render_answer, render_message, render_placeholder, render_reader, render_verdict
from qa.app.service import DEFAULT_K, Service
from qa.documents.metadata import document_label
from qa.documents.parts import Part
from qa.documents.reader import build_reader
from qa.documents.time import PART_NAMES
from qa.errors import QAError
from qa.index.store import open_index

log = logging.getLogger("qa.ui")

# Part names without years: each document has its own (its review and plan years are in the citations).
PART_CHOICES = [("全部", "all")] + [(PART_NAMES[kind], kind.value) for kind in (Part.REVIEW, Part.PLAN, Part.NOTES)]


def part_choices(index) -> list[tuple[str, str]]:
    """The parts to search in: 全部, 执行情况, 计划, 附注, and 附件 when some document has attachments."""
    if any(p.part_kind == Part.ATTACHMENT for p in index.passages):
        return [*PART_CHOICES, (PART_NAMES[Part.ATTACHMENT], Part.ATTACHMENT.value)]
    return PART_CHOICES
K_CHOICES = [3, 5, 10]

GENERIC_ERROR = "抱歉,处理时出了问题,请稍后再试。"
# Page events are not part of the API, and share one queue with the API endpoints.
PRIVATE = {"api_visibility": "private", "concurrency_id": "qa"}


class ReportApp(gr.Blocks):
    """``gr.Blocks`` that brings its own theme, stylesheet and page title to ``launch()``."""

    def launch(self, *args, **kwargs):
        kwargs.setdefault("theme", app_theme())
        kwargs.setdefault("css", static_text("app.css"))
        kwargs.setdefault("footer_links", ["api"])
        kwargs.setdefault("share", False)
        kwargs.setdefault("max_file_size", MAX_FILE_SIZE)
        app_kwargs = kwargs.setdefault("app_kwargs", {})
        app_kwargs.setdefault("middleware", []).insert(0, Middleware(BodyLimit, max_bytes=MAX_BODY_BYTES))
        return super().launch(*args, **kwargs)

    def validate_inputs(self, block_fn, inputs):
        """Too few values from an API client is bad input: a one-line refusal, not a traceback in the log."""
        wanted = len(block_fn.inputs)
        if len(inputs) < wanted:
            log.warning("%s: %d of %d values received", block_fn.name, len(inputs), wanted)
            raise gr.Error(f"需要 {wanted} 个参数,收到 {len(inputs)} 个", title="参数不足", print_exception=False)
        super().validate_inputs(block_fn, inputs)


def app_theme() -> gr.themes.Base:
    return gr.themes.Soft(
        primary_hue=gr.themes.colors.red,
        secondary_hue=gr.themes.colors.slate,
        neutral_hue=gr.themes.colors.slate,
        font=FONT_STACK,
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
        radius_size=gr.themes.sizes.radius_md,
    ).set(
        block_label_background_fill="*neutral_100",
        block_label_text_color="*neutral_700",
        block_title_background_fill="*neutral_100",
        block_title_text_color="*neutral_700",
        button_primary_background_fill="#b42318",
        button_primary_background_fill_hover="#912018",
        button_primary_text_color="#ffffff",
    )


def app_title(index) -> str:
    """The page title from the corpus: the place all its documents are about, if they share one."""
    places = {report.place for report in index.reports.values()}
    kind = "政府工作报告" if len(index.reports) == 1 else "政府文件"
    place = places.pop() if len(places) == 1 and None not in places else ""
    return f"{place}{kind} · 问答与核对"


def banner_html(index) -> str:
    """The page header: what the app does and which documents it answers from."""
    sources = []
    for report in index.reports.values():
        bits = [f"《{report.title}》", report.publisher or "", report.published or ""]
        sources.append(f'<p class="qa-banner-source">依据:{escape(" · ".join(b for b in bits if b))}</p>')
    return (
        '<header class="qa-banner" role="banner">'
        f"<h1>{escape(app_title(index))}</h1>"
        "<p>用自己的话提问,答案直接摘自报告原文,每一段都注明出处,可点开原文核对。</p>"
        f"{''.join(sources)}</header>"
    )


class Handlers:
    """The page's event handlers and the two API functions, over one :class:`Service`."""

    def __init__(self, service: Service, reader_pages: dict[bool, str]):
        self.service = service
        self.reader_pages = reader_pages

    def rerender(self, traditional, answer, verdict):
        """Show the current answer, verdict and reader in Simplified or Traditional characters."""
        return (
            render_answer(answer, traditional) if answer else gr.skip(),
            render_verdict(verdict, traditional) if verdict else gr.skip(),
            self.reader_pages[bool(traditional)],
        )

    def ask_page(self, question, k, part, traditional, docs=None):
        try:
            answer = self.service.ask(question, k, part, docs)
        except QAError as exc:
            return render_message(str(exc)), None, gr.skip(), gr.skip()
        except Exception:
            log.exception("ask failed for %r", question)
            return render_message(GENERIC_ERROR), None, gr.skip(), gr.skip()
        # A question typed in Traditional characters is answered in Traditional characters.
        switch = answer["traditional"] and not traditional
        traditional = bool(traditional or answer["traditional"])
        return (
            render_answer(answer, traditional),
            answer,
            traditional if switch else gr.skip(),
            self.reader_pages[True] if switch else gr.skip(),
        )

    def reask(self, question, k, part, traditional, docs=None):
        """A changed option applies to the question on screen (nothing to do without one)."""
        if not (question or "").strip():
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return self.ask_page(question, k, part, traditional, docs)

    def ask_example(self, question, k, part, traditional, docs=None):
        return (question, *self.ask_page(question, k, part, traditional, docs))

    def check_page(self, claim, traditional, docs=None):
        try:
            verdict = self.service.check(claim, docs)
        except QAError as exc:
            return render_message(str(exc)), None
        except Exception:
            log.exception("check failed for %r", claim)
            return render_message(GENERIC_ERROR), None
        return render_verdict(verdict, bool(traditional)), verdict

    def check_example(self, claim, traditional, docs=None):
        return (claim, *self.check_page(claim, traditional, docs))

    def api_ask(self, question: str, k: int = DEFAULT_K, part: str | None = None) -> dict:
        """Answer a question about the report: the same JSON as ``qa ask --json``.

        Args:
            question: the question, in Chinese (Simplified or Traditional) or English
            k: how many passages to return (1-50)
            part: None or "all" for the whole report, "review" (results), "plan", "notes" (附注) or "attachment" (附件)
        """
        return self._api(partial(self.service.ask, question, k, part), "无法回答")

    def api_check(self, claim: str) -> dict:
        """Check a statement against the report: the same JSON as ``qa check --json``.

        Args:
            claim: a statement about the report, e.g. "2020年和平区新增就业3.1万人"
        """
        return self._api(partial(self.service.check, claim), "无法核对")

    def api_ask_in(self, question: str, docs: list[str] | None, k: int = DEFAULT_K, part: str | None = None) -> dict:
        """Answer a question from chosen documents: the same JSON as ``qa ask --doc ID --json``.

        Args:
            question: the question, in Chinese (Simplified or Traditional) or English
            docs: document ids (see ``qa list``), one id, or [] / None for every document
            k: how many passages to return (1-50)
            part: None or "all" for the whole of each document, "review" (results), "plan", "notes" (附注) or "attachment" (附件)
        """
        return self._api(partial(self.service.ask, question, k, part, docs), "无法回答")

    def api_check_in(self, claim: str, docs: list[str] | None) -> dict:
        """Check a statement against chosen documents: the same JSON as ``qa check --doc ID --json``.

        Args:
            claim: a statement, e.g. "2020年和平区新增就业3.1万人"
            docs: document ids (see ``qa list``), one id, or [] / None for every document
        """
        return self._api(partial(self.service.check, claim, docs), "无法核对")

    @staticmethod
    def _api(call, title: str) -> dict:
        try:
            return call()
        except QAError as exc:
            # Expected: the caller sent something unusable. One line in the log, no traceback.
            log.warning("%s: %s", title, exc)
            raise gr.Error(str(exc), title=title, print_exception=False) from None
        except Exception:
            log.exception("api call failed")
            raise gr.Error(GENERIC_ERROR) from None


@dataclass
class AskTab:
    question: gr.Textbox
    ask_button: gr.Button
    part: gr.Radio
    k: gr.Radio
    traditional: gr.Checkbox
    results: gr.HTML
    examples: list[tuple[str, gr.Button]]


@dataclass
class CheckTab:
    claim: gr.Textbox
    check_button: gr.Button
    examples: list[tuple[str, gr.Button]]
    verdict: gr.HTML


def ask_tab(examples_by_group: dict[str, list[str]], parts: list[tuple[str, str]] = PART_CHOICES) -> AskTab:
    """The 问答 tab: question, options, results and example questions."""
    with gr.Tab("问答", id="ask", elem_id="qa-tab-ask"), gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            with gr.Row(elem_id="qa-ask-row"):
                question = gr.Textbox(
                    label="您的问题",
                    placeholder="例如:2021年新增就业的目标是多少?(按回车提问)",
                    elem_id="qa-question",
                    max_lines=4,
                    scale=5,
                    min_width=200,
                    autofocus=True,
                )
                ask_button = gr.Button("问", variant="primary", elem_id="qa-ask-btn", scale=1, min_width=72)
            with gr.Row(elem_classes="qa-options"):
                part = gr.Radio(parts, value="all", label="查找范围", elem_id="qa-part", scale=1, min_width=300)
                k = gr.Radio(K_CHOICES, value=DEFAULT_K, label="显示段落数", elem_id="qa-k", scale=0, min_width=200)
                traditional = gr.Checkbox(label="繁體顯示", value=False, elem_id="qa-trad", scale=0, min_width=110)
            results = gr.HTML(
                render_placeholder("在上方输入问题,或点一个示例问题。答案会列出报告原文中的相关段落和出处。"),
                elem_id="qa-results",
                js_on_load=static_text("results.js"),
            )
        with gr.Column(scale=1, min_width=240, elem_id="qa-examples"):
            gr.HTML('<p class="qa-examples-title">示例问题</p>')
            examples = []
            for group, questions in examples_by_group.items():
                gr.HTML(f'<p class="qa-example-group">{escape(group)}</p>')
                for text in questions:
                    examples.append((text, gr.Button(text, size="sm", variant="secondary", elem_classes="qa-example")))
            gr.HTML(
                '<div class="qa-side-note"><p>可信度“高/中/低”表示这段原文回答问题的把握,'
                "不是对报告内容本身的评价。</p><p>用繁体字提问,结果会以繁体显示,也可随时切换。</p></div>"
            )
    return AskTab(question, ask_button, part, k, traditional, results, examples)


def check_tab(statements: list[str]) -> CheckTab:
    """The 核对 tab: a statement, example statements and the verdict."""
    with gr.Tab("核对", id="check", elem_id="qa-tab-check"):
        with gr.Row(elem_id="qa-check-row"):
            claim = gr.Textbox(
                label="要核对的说法",
                placeholder="例如:2020年和平区新增就业3.1万人(按回车核对)",
                elem_id="qa-claim",
                max_lines=4,
                scale=5,
                min_width=200,
            )
            check_button = gr.Button("核对", variant="primary", elem_id="qa-check-btn", scale=1, min_width=72)
        gr.HTML('<p class="qa-example-group">试试这些说法</p>')
        with gr.Row():
            examples = [
                (text, gr.Button(text, size="sm", variant="secondary", elem_classes="qa-example", min_width=200))
                for text in statements
            ]
        verdict = gr.HTML(
            render_placeholder("输入一句关于报告内容的说法,看报告是否支持、与之不符,还是没有提及。"),
            elem_id="qa-verdict",
            js_on_load=static_text("results.js"),
        )
    return CheckTab(claim, check_button, examples, verdict)


def document_selector(index) -> gr.Dropdown:
    """Which documents to search and check against (none chosen: all); shown when there are several."""
    choices = [(passage_label(report), doc_id) for doc_id, report in index.reports.items()]
    return gr.Dropdown(
        choices,
        value=[],
        multiselect=True,
        label="只在这些文件中查找与核对(不选即全部)",
        elem_id="qa-docs",
        visible=len(choices) > 1,
    )


def scope_note(index) -> str:
    n = len(index.reports)
    return "本页只检索这一份报告" if n == 1 else f"本页检索上方所列的 {n} 份文件"


def passage_label(report) -> str:
    """How a document is named on the page: as its citations name it (short title and date)."""
    return document_label(report.title, report.published)


def wire_ask(tab: AskTab, handlers: Handlers, answer_state: gr.State, reader: gr.HTML, docs: gr.Dropdown) -> None:
    """Enter, the button, the examples and changed options all ask; the switch re-renders."""
    outputs = [tab.results, answer_state, tab.traditional, reader]
    inputs = [tab.question, tab.k, tab.part, tab.traditional, docs]
    progress = {"show_progress_on": [tab.results], **PRIVATE}
    tab.question.submit(handlers.ask_page, inputs, outputs, **progress)
    tab.ask_button.click(handlers.ask_page, inputs, outputs, **progress)
    for text, button in tab.examples:
        button.click(partial(handlers.ask_example, text), inputs[1:], [tab.question, *outputs], **progress)
    for option in (tab.part, tab.k, docs):
        option.input(handlers.reask, inputs, outputs, trigger_mode="always_last", **progress)


def wire_check(
    tab: CheckTab, handlers: Handlers, traditional: gr.Checkbox, verdict_state: gr.State, docs: gr.Dropdown
) -> None:
    """Enter, the button and the example statements check."""
    outputs = [tab.verdict, verdict_state]
    progress = {"show_progress_on": [tab.verdict], **PRIVATE}
    tab.claim.submit(handlers.check_page, [tab.claim, traditional, docs], outputs, **progress)
    tab.check_button.click(handlers.check_page, [tab.claim, traditional, docs], outputs, **progress)
    for text, button in tab.examples:
        button.click(partial(handlers.check_example, text), [traditional, docs], [tab.claim, *outputs], **progress)


def build_app(searcher: Searcher, queue_size: int = QUEUE_MAX_SIZE, concurrency: int = CONCURRENCY) -> gr.Blocks:
    """The Gradio app over a ready :class:`qa.answering.search.Searcher`.

    ``concurrency`` requests run at once; ``queue_size`` more may wait, and the next is told "busy".
    """
    index = searcher.index
    documents = [build_reader(report, index.passages) for report in index.reports.values()]
    reader_pages = {trad: "".join(render_reader(doc, trad) for doc in documents) for trad in (False, True)}
    handlers = Handlers(Service(searcher), reader_pages)
    questions, statements = examples_for(index.reports, index.passages)
    with ReportApp(title=app_title(index), analytics_enabled=False) as app:
        answer_state, verdict_state = gr.State(None), gr.State(None)
        gr.HTML(banner_html(index), elem_id="qa-banner")
        docs = document_selector(index)
        with gr.Tabs(elem_id="qa-tabs"):
            asking = ask_tab(questions, part_choices(index))
            checking = check_tab(statements)
            with gr.Tab("阅读报告", id="reader", elem_id="qa-tab-reader"):
                reader = gr.HTML(reader_pages[False], elem_id="qa-reader", js_on_load=static_text("reader.js"))
        gr.HTML(
            f'<p class="qa-footer">{scope_note(index)};答案均为报告原文摘录,不代表对原文的改写或解释。'
            "引用时请以报告原文为准。</p>"
        )
        wire_ask(asking, handlers, answer_state, reader, docs)
        wire_check(checking, handlers, asking.traditional, verdict_state, docs)
        asking.traditional.input(
            handlers.rerender,
            [asking.traditional, answer_state, verdict_state],
            [asking.results, checking.verdict, reader],
            show_progress="hidden",
            api_visibility="private",
        )
        gr.api(handlers.api_ask, api_name="ask", concurrency_id="qa")
        gr.api(handlers.api_check, api_name="check", concurrency_id="qa")
        gr.api(handlers.api_ask_in, api_name="ask_in", concurrency_id="qa")
        gr.api(handlers.api_check_in, api_name="check_in", concurrency_id="qa")
    app.queue(max_size=queue_size, default_concurrency_limit=concurrency)
    return app


def main(argv: list[str] | None = None) -> int:
    """Load (or build) the index and serve the app until interrupted."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description="和平区政府工作报告问答与核对 (web app)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    parser.add_argument("--corpus", default="corpus", help="folder of report .txt files (default corpus)")
    parser.add_argument("--index", default="index", help="index folder, built if missing or stale (default index)")
    parser.add_argument("--model", default=None, help="sentence-transformers model name or folder")
    parser.add_argument("--share", action="store_true", help="also publish through a public gradio.live link (off)")
    args = parser.parse_args(argv)
    bound_threads()
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    say = partial(print, flush=True)
    say(f"正在加载索引 {Path(args.index)} …")
    try:
        index = open_index(args.index, args.corpus, model_id=args.model, rebuild=True, log=say)
    except QAError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 1
    searcher = Searcher(index)
    searcher.ask("今年的主要目标是什么", k=1)  # warm up (tokenizer, model) before the first visitor
    app = build_app(searcher)
    address, warning = address_notice(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    if args.share:
        print("警告: --share 会生成一个公开链接,任何拿到链接的人都能使用本应用", file=sys.stderr, flush=True)
    say(f"已就绪,请在浏览器中打开 {address}")
    app.launch(server_name=args.host, server_port=args.port, share=args.share, quiet=True)
    return 0
