"""The web app: ask the report a question, check a statement against it, read it.

    python ui.py [--host 127.0.0.1] [--port 7860] [--corpus corpus] [--index index] [--model NAME]

Everything the app knows comes from the ``qa`` package: ``qa.search`` answers, ``qa.factcheck``
checks, ``qa.reader`` and ``qa.render`` lay out the page. Importing this module has no side
effects; ``build_app(searcher)`` returns the ``gr.Blocks``.

Two named API endpoints, for ``gradio_client``:

    Client(url).predict("问题", 5, "plan", api_name="/ask")   # the JSON of ``qa ask --json``
    Client(url).predict("说法", api_name="/check")            # the JSON of ``qa check --json``
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from functools import partial
from pathlib import Path

import gradio as gr

from qa.assets import CSS, FONT_STACK, READER_JS, RESULTS_JS
from qa.errors import QAError, QueryError
from qa.passages import PART_KINDS
from qa.reader import build_reader
from qa.render import render_answer, render_message, render_placeholder, render_reader, render_verdict

log = logging.getLogger("qa.ui")

APP_TITLE = "和平区政府工作报告 · 问答与核对"
PART_CHOICES = [("全部", "all"), ("2020年执行情况", "review"), ("2021年计划", "plan"), ("附注", "notes")]
K_CHOICES = [3, 5, 10]
DEFAULT_K = 5

EXAMPLES = {
    "2020年成绩": [
        "2020年和平区新增就业多少人?",
        "疫情期间累计筹措了多少只口罩?",
        "去年一般公共预算收入完成了多少?",
    ],
    "2021年目标": [
        "2021年新增就业的目标是多少?",
        "今年要新增多少张养老床位?",
        "2021年固定资产投资计划增长多少?",
    ],
    "名词解释": [
        "“六稳”“六保”是什么意思?",
        "“双百行动”指的是什么?",
        "食品“三小”是指哪三小?",
    ],
}
CHECK_EXAMPLES = [
    "2020年和平区新增就业3.1万人",
    "2020年和平区新增就业5万人",
    "2021年和平区计划新增养老床位200张",
    "和平区2021年将新建一座机场",
]

GENERIC_ERROR = "抱歉,处理时出了问题,请稍后再试。"
CHECK_UNAVAILABLE = "核对功能暂不可用(核对模块尚未安装),请先使用“问答”查找报告原文。"


class FeatureUnavailable(QAError):
    """A part of the app whose module is not installed yet."""


def part_value(part: object) -> str | None:
    """The search ``part`` for a UI or API value: None for 全部 / all / empty, else review/plan/notes."""
    if part is None:
        return None
    text = str(part).strip()
    if text in ("", "all", "全部", "None", "none"):
        return None
    labels = {label: kind for kind, label in PART_KINDS.items()}
    return labels.get(text, text)


def k_value(k: object) -> int:
    """The number of passages to show, from a UI or API value."""
    if k is None or k == "":
        return DEFAULT_K
    try:
        number = float(k)
    except (TypeError, ValueError):
        raise QueryError(f"显示段落数必须是整数,收到的是 {k!r}") from None
    if number != int(number):
        raise QueryError(f"显示段落数必须是整数,收到的是 {k!r}")
    return int(number)


class Service:
    """What the page and the API do, over one searcher; the fact checker is loaded on first use."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._checker = None
        self._checker_lock = threading.Lock()

    def ask(self, question: object, k: object = DEFAULT_K, part: object = None) -> dict:
        """``Answer.to_dict()`` for a question; QueryError (Chinese message) for bad input."""
        if not isinstance(question, str):
            question = "" if question is None else str(question)
        return self.searcher.ask(question, k=k_value(k), part=part_value(part)).to_dict()

    def checker(self):
        with self._checker_lock:
            if self._checker is None:
                try:
                    from qa.factcheck import FactChecker
                except ModuleNotFoundError as exc:
                    if exc.name not in ("qa.factcheck", "qa"):
                        raise
                    raise FeatureUnavailable(CHECK_UNAVAILABLE) from None
                self._checker = FactChecker(self.searcher)
            return self._checker

    def check(self, claim: object) -> dict:
        """``Verdict.to_dict()`` for a claim."""
        if not isinstance(claim, str):
            claim = "" if claim is None else str(claim)
        if not claim.strip():
            raise QueryError("请输入要核对的说法(不能为空)")
        return self.checker().check(claim).to_dict()


class ReportApp(gr.Blocks):
    """``gr.Blocks`` that brings its own theme, stylesheet and page title to ``launch()``."""

    def launch(self, *args, **kwargs):
        kwargs.setdefault("theme", app_theme())
        kwargs.setdefault("css", CSS)
        kwargs.setdefault("footer_links", ["api"])
        return super().launch(*args, **kwargs)


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


def _banner(index) -> str:
    from html import escape

    report = next(iter(index.reports.values()), None)
    source = ""
    if report is not None:
        bits = [f"《{report.title}》"]
        if report.publisher:
            bits.append(report.publisher)
        if report.published:
            bits.append(report.published)
        source = f'<p class="qa-banner-source">依据:{escape(" · ".join(bits))}</p>'
    return (
        '<header class="qa-banner" role="banner">'
        "<h1>和平区政府工作报告 · 问答与核对</h1>"
        "<p>用自己的话提问,答案直接摘自报告原文,每一段都注明出处,可点开原文核对。</p>"
        f"{source}</header>"
    )


def build_app(searcher) -> gr.Blocks:
    """The Gradio app over a ready ``qa.search.Searcher``."""
    service = Service(searcher)
    index = searcher.index
    documents = [build_reader(report, index.passages) for report in index.reports.values()]
    reader_pages = {
        traditional: "".join(render_reader(doc, traditional) for doc in documents) for traditional in (False, True)
    }

    # ---------------------------------------------------------------- event handlers (page)

    def rerender(traditional, answer, verdict):
        """Show the current answer, verdict and reader in Simplified or Traditional characters."""
        return (
            render_answer(answer, traditional) if answer else gr.skip(),
            render_verdict(verdict, traditional) if verdict else gr.skip(),
            reader_pages[bool(traditional)],
        )

    def ask_page(question, k, part, traditional):
        try:
            answer = service.ask(question, k, part)
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
            reader_pages[True] if switch else gr.skip(),
        )

    def reask(question, k, part, traditional):
        """A changed option applies to the question on screen (nothing to do without one)."""
        if not (question or "").strip():
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return ask_page(question, k, part, traditional)

    def ask_example(question, k, part, traditional):
        return (question, *ask_page(question, k, part, traditional))

    def check_page(claim, traditional):
        try:
            verdict = service.check(claim)
        except QAError as exc:
            kind = "info" if isinstance(exc, FeatureUnavailable) else "error"
            return render_message(str(exc), kind), None
        except Exception:
            log.exception("check failed for %r", claim)
            return render_message(GENERIC_ERROR), None
        return render_verdict(verdict, bool(traditional)), verdict

    # ---------------------------------------------------------------- event handlers (API)

    def ask(question: str, k: int = DEFAULT_K, part: str | None = None) -> dict:
        """Answer a question about the report: the same JSON as ``qa ask --json``.

        Args:
            question: the question, in Chinese (Simplified or Traditional) or English
            k: how many passages to return (1-50)
            part: None or "all" for the whole report, "review" (2020), "plan" (2021) or "notes" (附注)
        """
        try:
            return service.ask(question, k, part)
        except QAError as exc:
            raise gr.Error(str(exc), title="无法回答") from None
        except Exception:
            log.exception("api ask failed for %r", question)
            raise gr.Error(GENERIC_ERROR) from None

    def check(claim: str) -> dict:
        """Check a statement against the report: the same JSON as ``qa check --json``.

        Args:
            claim: a statement about the report, e.g. "2020年和平区新增就业3.1万人"
        """
        try:
            return service.check(claim)
        except QAError as exc:
            raise gr.Error(str(exc), title="无法核对") from None
        except Exception:
            log.exception("api check failed for %r", claim)
            raise gr.Error(GENERIC_ERROR) from None

    # ---------------------------------------------------------------- layout

    private = {"api_visibility": "private", "concurrency_id": "qa"}
    with ReportApp(title=APP_TITLE, analytics_enabled=False) as app:
        answer_state = gr.State(None)
        verdict_state = gr.State(None)
        gr.HTML(_banner(index), elem_id="qa-banner")
        with gr.Tabs(elem_id="qa-tabs"):
            with gr.Tab("问答", id="ask", elem_id="qa-tab-ask"):
                with gr.Row(equal_height=False):
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
                            ask_btn = gr.Button("问", variant="primary", elem_id="qa-ask-btn", scale=1, min_width=72)
                        with gr.Row(elem_classes="qa-options"):
                            part = gr.Radio(
                                PART_CHOICES, value="all", label="查找范围", elem_id="qa-part", scale=1, min_width=300
                            )
                            k = gr.Radio(
                                K_CHOICES, value=DEFAULT_K, label="显示段落数", elem_id="qa-k", scale=0, min_width=200
                            )
                            traditional = gr.Checkbox(
                                label="繁體顯示",
                                value=False,
                                elem_id="qa-trad",
                                scale=0,
                                min_width=110,
                            )
                        results = gr.HTML(
                            render_placeholder(
                                "在上方输入问题,或点一个示例问题。答案会列出报告原文中的相关段落和出处。"
                            ),
                            elem_id="qa-results",
                            js_on_load=RESULTS_JS,
                        )
                    with gr.Column(scale=1, min_width=240, elem_id="qa-examples"):
                        gr.HTML('<p class="qa-examples-title">示例问题</p>')
                        example_buttons = []
                        for group, questions in EXAMPLES.items():
                            gr.HTML(f'<p class="qa-example-group">{group}</p>')
                            for text in questions:
                                example_buttons.append(
                                    (text, gr.Button(text, size="sm", variant="secondary", elem_classes="qa-example"))
                                )
                        gr.HTML(
                            '<div class="qa-side-note"><p>可信度“高/中/低”表示这段原文回答问题的把握,'
                            "不是对报告内容本身的评价。</p><p>用繁体字提问,结果会以繁体显示,也可随时切换。</p></div>"
                        )
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
                    check_btn = gr.Button("核对", variant="primary", elem_id="qa-check-btn", scale=1, min_width=72)
                gr.HTML('<p class="qa-example-group">试试这些说法</p>')
                with gr.Row():
                    check_buttons = [
                        (
                            text,
                            gr.Button(text, size="sm", variant="secondary", elem_classes="qa-example", min_width=200),
                        )
                        for text in CHECK_EXAMPLES
                    ]
                verdict_html = gr.HTML(
                    render_placeholder("输入一句关于报告内容的说法,看报告是否支持、与之不符,还是没有提及。"),
                    elem_id="qa-verdict",
                    js_on_load=RESULTS_JS,
                )
            with gr.Tab("阅读报告", id="reader", elem_id="qa-tab-reader"):
                reader = gr.HTML(reader_pages[False], elem_id="qa-reader", js_on_load=READER_JS)
        gr.HTML(
            '<p class="qa-footer">本页只检索这一份报告;答案均为报告原文摘录,不代表对原文的改写或解释。'
            "引用时请以报告原文为准。</p>"
        )

        ask_outputs = [results, answer_state, traditional, reader]
        ask_inputs = [question, k, part, traditional]
        question.submit(ask_page, ask_inputs, ask_outputs, show_progress_on=[results], **private)
        ask_btn.click(ask_page, ask_inputs, ask_outputs, show_progress_on=[results], **private)
        for text, button in example_buttons:
            button.click(
                partial(ask_example, text),
                [k, part, traditional],
                [question, *ask_outputs],
                show_progress_on=[results],
                **private,
            )
        # Changing the options re-asks the question on screen.
        for option in (part, k):
            option.input(
                reask, ask_inputs, ask_outputs, show_progress_on=[results], trigger_mode="always_last", **private
            )
        traditional.input(
            rerender,
            [traditional, answer_state, verdict_state],
            [results, verdict_html, reader],
            show_progress="hidden",
            api_visibility="private",
        )

        check_inputs = [claim, traditional]
        check_outputs = [verdict_html, verdict_state]
        claim.submit(check_page, check_inputs, check_outputs, show_progress_on=[verdict_html], **private)
        check_btn.click(check_page, check_inputs, check_outputs, show_progress_on=[verdict_html], **private)
        for text, button in check_buttons:
            button.click(
                lambda trad, text=text: (text, *check_page(text, trad)),
                [traditional],
                [claim, *check_outputs],
                show_progress_on=[verdict_html],
                **private,
            )

        gr.api(ask, api_name="ask", concurrency_id="qa")
        gr.api(check, api_name="check", concurrency_id="qa")
    app.queue(default_concurrency_limit=1)
    return app


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description="和平区政府工作报告问答与核对 (web app)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    parser.add_argument("--corpus", default="corpus", help="folder of report .txt files (default corpus)")
    parser.add_argument("--index", default="index", help="index folder, built if missing or stale (default index)")
    parser.add_argument("--model", default=None, help="sentence-transformers model name or folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    from qa.index import open_index
    from qa.search import Searcher

    say = partial(print, flush=True)
    say(f"正在加载索引 {Path(args.index)} …")
    try:
        index = open_index(args.index, args.corpus, model_id=args.model, rebuild=True, log=say)
    except QAError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 1
    searcher = Searcher(index)
    searcher.ask("和平区2021年新增就业目标", k=1)  # warm up (tokenizer, model) before the first visitor
    app = build_app(searcher)
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    say(f"已就绪,请在浏览器中打开 http://{shown}:{args.port}")
    app.launch(server_name=args.host, server_port=args.port, quiet=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
