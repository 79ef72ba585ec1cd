"""The web app's static files (``qa/app/static``): its stylesheet and the two small scripts.

The scripts never read text from the page to run it: they only follow ``data-anchor`` ids (made of
letters, digits and hyphens by ``qa.app.render.anchor_id``) and copy ``data-copy`` strings.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

FONT_STACK = [
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "system-ui",
    "sans-serif",
]


@cache
def static_text(name: str) -> str:
    """The text of a file in ``qa/app/static`` (``app.css``, ``results.js``, ``reader.js``)."""
    return resources.files("qa.app").joinpath("static", name).read_text("utf-8")
