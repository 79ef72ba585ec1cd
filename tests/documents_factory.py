"""Documents in each format, generated with the same libraries the app reads them with.

Each has its own title, date, publisher, headings, notes and figures, and one fact no other document
states (``UNIQUE``), so a question about that fact must bring its passage first.
"""

from __future__ import annotations

from pathlib import Path

# doc_id → (a question only that document answers, words of its answering passage, how its citations start)
UNIQUE = {
    "hexi-2022-budget": (
        "河西区2022年一般公共预算收入完成了多少?",
        "一般公共预算收入完成48.6亿元",
        "河西区2022年预算执行情况和2023年预算草案报告(2023-01-10) › ",
    ),
    "nankai-2022-work": ("南开区建成了多少个智慧停车场?", "建成智慧停车场26个", "天津市南开区人民政府工作报告(2022-01-18) › "),
    "heping-2022-plan": (
        "2021年和平区新引进了多少家楼宇经济企业?",
        "新引进楼宇经济企业1280家",
        "和平区2021年计划执行情况与2022年计划报告(2022-01-25) › ",
    ),
    "heping-louyu-measures": (
        "楼宇经济扶持资金单个项目最高补贴多少?",
        "单个项目最高补贴300万元",
        "和平区促进楼宇经济高质量发展若干措施(2022-03-01) › 第二章 扶持政策 › 第二条",
    ),
}


def write_html(folder: Path) -> Path:
    """A saved government web page: navigation, the article with 发布日期/发布者, notes, a footer."""
    path = folder / "nankai-2022-work.html"
    nav = "".join(f"<li><a href='/{i}'>{name}</a></li>" for i, name in enumerate(["首页", "政务公开", "政务服务", "互动交流"]))
    paragraphs = [
        "一、2021年工作回顾",
        "（一）城市更新步伐加快",
        "全年完成老旧小区改造45个,建成智慧停车场26个,新增停车泊位3100个。",
        "（二）民生保障持续加强",
        "城镇新增就业2.4万人,新建社区食堂18个,“南开e家”服务平台覆盖全部街道。",
        "二、2022年主要任务",
        "（一）推动城市有机更新",
        "计划改造老旧小区30个,新增停车泊位2000个。",
        "附注:",
        "1.“南开e家”:即南开区社区综合服务平台,提供养老、托育、家政等服务。",
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>天津市南开区人民政府工作报告_南开区人民政府</title></head><body>
<header><div class="logo">南开区人民政府</div><ul class="nav">{nav}</ul></header>
<div class="crumb">当前位置:首页 &gt; 政务公开 &gt; 政府工作报告</div>
<article><h1>天津市南开区人民政府工作报告</h1>
<p class="info">发布日期:2022-01-18 发布者:天津市南开区人民政府</p>
{body}</article>
<footer><p>版权所有:天津市南开区人民政府 主办单位:南开区人民政府办公室</p><p>津ICP备05000000号</p></footer>
</body></html>"""
    path.write_text(html, "utf-8")
    return path


def write_pdf(folder: Path) -> Path:
    """A text PDF of a budget report, its paragraphs wrapped over several lines as in print."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    lines = [
        "关于河西区2022年预算执行情况和2023年预算草案的报告",
        "发布日期:2023-01-10 发布者:天津市河西区财政局",
        "一、2022年预算执行情况",
        "全区一般公共预算收入完成48.6亿元,同比增长3.2%,其中税收收入完成39.1亿元,占一般公共预算收入的80.5%,"
        "收入质量保持稳定;一般公共预算支出完成72.3亿元,教育、卫生健康、社会保障等民生支出占比达到78%。",
        "二、2023年预算草案",
        "2023年全区一般公共预算收入预期增长4%,安排“三保”支出45亿元,继续压减一般性支出。",
        "名词解释:",
        "1.“三保”:即保基本民生、保工资、保运转。",
    ]
    path = folder / "hexi-2022-budget.pdf"
    document = SimpleDocTemplate(str(path), pagesize=A4, title="河西区2022年预算执行情况", author="天津市河西区财政局")
    document.build([Paragraph(text, style) for text in lines])
    return path


def write_docx(folder: Path) -> Path:
    """The following year's plan report of the same district, headings as Word styles without numbers."""
    import docx

    document = docx.Document()
    document.add_paragraph("关于和平区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划的报告")
    document.add_paragraph("发布日期:2022-01-25 发布者:天津市和平区发展和改革委员会")
    document.add_heading("2021年国民经济和社会发展计划执行情况", level=1)
    document.add_heading("楼宇经济提质增效", level=2)
    document.add_paragraph("全年新引进楼宇经济企业1280家,税收亿元楼宇达到24座,重点楼宇入驻率保持在85%以上。")
    document.add_heading("民生福祉持续增进", level=2)
    document.add_paragraph("新增就业3.3万人,新增养老床位260张,完成“口袋公园”建设12处。")
    document.add_heading("2022年国民经济和社会发展计划任务", level=1)
    document.add_heading("主要预期目标", level=2)
    document.add_paragraph("新增就业2.2万人,税收亿元楼宇力争达到26座。")
    document.add_heading("附注", level=1)
    document.add_paragraph("1.“口袋公园”:即面积较小、分布在街巷之间的开放式绿地。")
    path = folder / "heping-2022-plan.docx"
    document.core_properties.title = ""
    document.save(str(path))
    return path


def write_txt(folder: Path) -> Path:
    """A policy document in chapters and articles (第一章 / 第一条), with no 发布者 line: flags must say it."""
    text = "\n".join(
        [
            "和平区促进楼宇经济高质量发展若干措施",
            "第一章 总则",
            "第一条 为促进全区楼宇经济高质量发展,制定本措施。",
            "第二章 扶持政策",
            "第二条 对新引进的总部企业,按其实际租用面积给予租金补贴,单个项目最高补贴300万元。",
            "第三条 对年度税收首次突破1亿元的楼宇,给予楼宇运营方50万元奖励。",
            "",
        ]
    )
    path = folder / "heping-louyu-measures.txt"
    path.write_text(text, "utf-8")
    return path


def write_all(folder: Path) -> dict[str, Path]:
    """Every generated document in ``folder``, by doc id."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [write_html(folder), write_pdf(folder), write_docx(folder), write_txt(folder)]
    return {path.stem: path for path in paths}


# The metadata the .txt measures do not state; the others state their own.
TXT_FLAGS = ["--date", "2022-03-01", "--publisher", "天津市和平区人民政府"]
