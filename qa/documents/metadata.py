"""How a document is named in citations: a short title and its date.

Chinese official titles are long and formulaic: “关于……的报告”, and the plan is called by its full
name “国民经济和社会发展计划”. The short title drops the 关于 / 的 frame and that standing phrase, which
every plan report repeats, and keeps what tells documents apart: the place, the years, the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FRAME = re.compile(r"^关于|的(?=(?:报告|通知|决定|意见|办法)$)")
STANDING_PHRASES = re.compile(r"国民经济和社会发展(?=计划|规划)")
MAX_SHORT_TITLE = 30


def short_title(title: str) -> str:
    """The title without its frame and standing phrases, e.g.
    关于和平区2020年国民经济和社会发展计划执行情况与2021年国民经济和社会发展计划的报告
    → 和平区2020年计划执行情况与2021年计划报告."""
    short = STANDING_PHRASES.sub("", FRAME.sub("", title.strip()))
    short = short.strip("《》“”\" ") or title.strip()
    return short if len(short) <= MAX_SHORT_TITLE else short[: MAX_SHORT_TITLE - 1] + "…"


def document_label(title: str, published: str | None) -> str:
    """The short title with the date in brackets: 和平区2020年计划执行情况与2021年计划报告(2021-02-02)."""
    short = short_title(title)
    return f"{short}({published})" if published else short


@dataclass(frozen=True)
class DocumentName:
    """A document as a verdict or answer names it: 《short title》(date)."""

    doc_id: str
    title: str
    published: str | None = None

    @property
    def cited(self) -> str:
        """《和平区2020年计划执行情况与2021年计划报告》(2021-02-02)."""
        return f"《{short_title(self.title)}》" + (f"({self.published})" if self.published else "")

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "short_title": short_title(self.title),
            "published": self.published,
            "cited": self.cited,
        }
