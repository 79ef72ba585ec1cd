"""Titles in 《》: one name, even when they hold a comma (《社会力量强助力,真督实战促脱贫》).

Reports cite documents, cases and programmes by their titles; a clause splitter that breaks at the
comma inside a title cuts the name in two and parts it from what is said of it. :func:`whole_titles`
joins the clauses a title spans.
"""

from __future__ import annotations

__all__ = ["whole_titles"]

OPEN, CLOSE = "《", "》"


def whole_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (clauses of ``text``, in order) with those that break inside a 《…》 title joined."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _inside_title(text, out[-1][1]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _inside_title(text: str, at: int) -> bool:
    """A 《 opened before ``at`` is closed only after it (titles do not nest in reports)."""
    opened = text.rfind(OPEN, 0, at)
    return opened != -1 and text.rfind(CLOSE, opened, at) == -1 and text.find(CLOSE, at) != -1
