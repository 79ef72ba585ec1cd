"""Parse a report's text into its structure: metadata, parts, sections, topics, paragraphs and notes.

Every piece keeps character offsets into the stored source text, so a citation can always be
checked against the file. The web-page chrome around the report is recognised and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.documents.corpus import SourceFile
from qa.documents.time import DocumentTime, read_time
from qa.text.places import places
from qa.text.sentences import sentences

# The outline of Chinese official documents: 一、 or 第一章 / 第一部分 for parts; （一） or 第一节 for
# sections; 1. or （1） or 第一条 for items below them. Notes that explain terms come under 附注 /
# 名词解释 / 注释; an 附件 (attachment) is a part of its own, also after the notes.
CN_NUMBER = "[一二三四五六七八九十百零〇]+"
ATTACHMENT_HEADING = re.compile(r"^附\s*件\s*\d*\s*(?:[:：]\s*\S.*|[:：]?)$")  # 附件 / 附件2 / 附件1:重点项目表
PART_HEADING = re.compile(rf"^(?:[一二三四五六七八九十]+、|第{CN_NUMBER}(?:章|部分|编))|{ATTACHMENT_HEADING.pattern}")
SECTION_HEADING = re.compile(rf"^(?:[（(][一二三四五六七八九十]+[）)]|第{CN_NUMBER}节)")
ITEM_HEADING = re.compile(r"^(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)])")
ARTICLE = re.compile(rf"^第{CN_NUMBER}条")  # an article of a regulation: a paragraph labelled by its number
NOTES_HEADING = re.compile(r"^(?:附\s*注|名词解释|注\s*释)\s*[:：]?$")
NOTE_LINE = re.compile(r"^(\d+)\s*[.．、]\s*")
SALUTATION = re.compile(r"^各位代表[:：,，]?$")
PUBLISHED_LINE = re.compile(r"发布日期\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})(?:.*?发布者\s*[:：]\s*(\S+))?")
MEETING_LINE = re.compile(r"^——")
MEETING_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")

# Lines of the government web page around the report (navigation, footer, contact, social links).
CHROME_PATTERNS = re.compile(
    r"网站无障碍|关怀版|关爱版|法律声明|关于我们|网站地图|使用帮助|主办单位|版权所有|承办单位|"
    r"ICP备|ICP证|公网安备|网站标识码|举报电话|举报邮箱|联系电话|联系我们|电子邮箱|"
    r"^微博$|^微信$|^分享到|^打印本页|^关闭窗口|\.png|\.jpg"
)
CHROME_MAX_LENGTH = 120
NO_TEXT = re.compile(r"^[\s`丨|·•\-_=*#~]*$")

PART_MAX_CHARS = 40  # a part heading is a line; a longer one is a paragraph
ITEM_MAX_CHARS = 30  # an item heading is a short line; a long one is a numbered paragraph
TOPIC_MAX_CHARS = 12
TOPIC_MIN_CHARS = 4
# A topic sentence is a short headline: no figures and no inner clause punctuation.
TOPIC_FORBIDDEN = re.compile(r"[0-9０-９%％,，、;；:：()（）]")


@dataclass(frozen=True)
class Line:
    """A non-empty line of the source, trimmed, with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Run:
    """A stretch of one paragraph under one topic (or a whole note), with its place in the report."""

    start: int
    end: int
    part: str | None
    section: str | None
    topic: str | None
    paragraph: int
    note_number: int | None = None
    note_term: str | None = None


@dataclass(frozen=True)
class Heading:
    """A part (1), section (2) or item (3) heading, or the notes heading (1), for tables of contents."""

    level: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ParsedReport:
    """A report's metadata, outline and runs of text."""

    doc_id: str
    source: str
    title: str
    publisher: str | None
    published: str | None
    meeting: str | None
    speaker: str | None
    headings: tuple[Heading, ...]
    runs: tuple[Run, ...]
    chrome: tuple[Line, ...] = field(default=())
    time: DocumentTime = field(default=DocumentTime())  # the years it reviews and plans
    place: str | None = None  # the place it is about (和平区), from the catalogue or its title


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with offsets of their first and last non-blank characters."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def is_chrome(line: Line) -> bool:
    """True for navigation, footer and contact lines of the web page."""
    if NO_TEXT.match(line.text):
        return True
    return len(line.text) <= CHROME_MAX_LENGTH and bool(CHROME_PATTERNS.search(line.text))


def parse_report(source: SourceFile) -> ParsedReport:
    """Parse one report file into metadata, headings and runs of text."""
    lines = split_lines(source.text)
    chrome = tuple(line for line in lines if is_chrome(line))
    content = [line for line in lines if not is_chrome(line)]

    # The document speaks first (its first line, its 发布日期 line), then what was given when it was
    # added, then its file's properties; a title given by hand wins, the text's first line may be a banner.
    given, properties = source.metadata, source.file_metadata
    title = given.get("title") or (content[0].text if content else properties.get("title", source.doc_id))
    publisher = published = meeting = speaker = None
    body_start = 0
    for i, line in enumerate(content):
        found = PUBLISHED_LINE.search(line.text)
        if found:
            published, publisher = found.group(1), found.group(2)
            body_start = i + 1
            break

    # The header after the publication line: the title again, the meeting line, the speaker.
    header_end = body_start
    for i in range(body_start, len(content)):
        text = content[i].text
        if SALUTATION.match(text) or PART_HEADING.match(text) or len(text) > 60:
            header_end = i
            break
    else:
        header_end = len(content)
    header = content[body_start:header_end]
    meeting_lines: list[str] = []
    for i, line in enumerate(header):
        if MEETING_LINE.match(line.text):
            meeting_lines.append(line.text.lstrip("—"))
            for following in header[i + 1 :]:
                if meeting_lines[-1].endswith(("会议上", "会上")):
                    break
                meeting_lines.append(following.text)
            break
    if meeting_lines:
        meeting = "".join(meeting_lines)
        speaker_lines = [ln.text for ln in header if ln.text not in meeting_lines and not MEETING_LINE.match(ln.text)]
        speaker = speaker_lines[-1] if speaker_lines else None

    headings, runs = _parse_body(content[header_end:], source.text)
    published = published or _meeting_date(meeting) or given.get("published") or properties.get("published")
    publisher = publisher or given.get("publisher") or properties.get("publisher")
    return ParsedReport(
        doc_id=source.doc_id,
        source=source.text,
        title=title,
        publisher=publisher,
        published=published,
        meeting=meeting,
        speaker=speaker,
        headings=tuple(headings),
        runs=tuple(runs),
        chrome=chrome,
        time=read_time([h.text for h in headings if h.level == 1], title, published),
        place=given.get("place") or _place(title),
    )


def _place(title: str) -> str | None:
    """The place a title names last: the narrowest (天津市南开区 → 南开区)."""
    named = places(title)
    return named[-1] if named else None


def _meeting_date(meeting: str | None) -> str | None:
    """The date a report was delivered (2021年1月12日在…会议上) as 2021-01-12."""
    found = MEETING_DATE.search(meeting or "")
    return f"{found.group(1)}-{int(found.group(2)):02d}-{int(found.group(3)):02d}" if found else None


def _parse_body(lines: list[Line], text: str) -> tuple[list[Heading], list[Run]]:
    """The outline and runs of the body, then the notes (from the notes heading up to the first
    attachment after it, if any), then the attachments, which are parts of their own."""
    lines = [line for line in lines if not SALUTATION.match(line.text)]
    notes_at = next((i for i, line in enumerate(lines) if NOTES_HEADING.match(line.text)), len(lines))
    headings, runs = _outline(lines[:notes_at])
    if notes_at < len(lines):
        ends = (i for i in range(notes_at + 1, len(lines)) if _is_attachment_heading(lines[i].text))
        attachments_at = next(ends, len(lines))
        heading = lines[notes_at]
        headings.append(Heading(1, heading.text.rstrip(":："), heading.start, heading.end))
        runs.extend(_note_runs(lines[notes_at + 1 : attachments_at], text))
        more_headings, more_runs = _outline(lines[attachments_at:])
        headings += more_headings
        runs += more_runs
    return headings, runs


def _is_attachment_heading(text: str) -> bool:
    return bool(ATTACHMENT_HEADING.match(text)) and len(text) <= PART_MAX_CHARS


def _outline(lines: list[Line]) -> tuple[list[Heading], list[Run]]:
    headings: list[Heading] = []
    runs: list[Run] = []
    part = section = item = None
    paragraph = 0
    for line in lines:
        if PART_HEADING.match(line.text) and len(line.text) <= PART_MAX_CHARS:
            part, section, item, paragraph = line.text, None, None, 0
            headings.append(Heading(1, line.text, line.start, line.end))
        elif SECTION_HEADING.match(line.text) and len(line.text) <= 60:
            section, item, paragraph = line.text, None, 0
            headings.append(Heading(2, line.text, line.start, line.end))
        elif is_item_heading(line.text):
            # An item heading (1. / （1）) is the topic of the paragraphs under it.
            item = line.text.rstrip("。")
            headings.append(Heading(3, line.text, line.start, line.end))
        elif article := ARTICLE.match(line.text):
            paragraph += 1
            runs.append(Run(line.start, line.end, part, section, article.group(), paragraph))
        else:
            paragraph += 1
            runs.extend(
                Run(start, end, part, section, topic or item, paragraph)
                for start, end, topic in topic_runs(line.text, line.start)
            )
    return headings, runs


def _note_runs(lines: list[Line], text: str) -> list[Run]:
    """One run per numbered note; a note may go on over several lines."""
    note_lines: list[tuple[int, Line]] = []
    for line in lines:
        numbered = NOTE_LINE.match(line.text)
        if numbered:
            note_lines.append((int(numbered.group(1)), line))
        elif note_lines:  # a note continued on a second line
            number, first = note_lines[-1]
            note_lines[-1] = (number, Line(first.start, line.end, text[first.start : line.end]))
    # Notes explain terms the body puts in quotes; the body is all the text before the first note.
    quoted_terms = _quoted_phrases(text[: note_lines[0][1].start]) if note_lines else set()
    return [
        Run(
            line.start,
            line.end,
            part="附注",
            section=None,
            topic=None,
            paragraph=number,
            note_number=number,
            note_term=note_term(NOTE_LINE.sub("", line.text, count=1), quoted_terms),
        )
        for number, line in note_lines
    ]


def is_item_heading(text: str) -> bool:
    """A short numbered line (1. / （1）) standing alone, not a numbered paragraph (which has a sentence)."""
    return bool(ITEM_HEADING.match(text)) and len(text) <= ITEM_MAX_CHARS and "。" not in text


def is_topic_sentence(sentence: str) -> bool:
    """A short headline sentence such as 精准有序复工复产。 that opens a run of text."""
    if not sentence.endswith("。"):
        return False
    body = sentence[:-1]
    return TOPIC_MIN_CHARS <= len(body) <= TOPIC_MAX_CHARS and not TOPIC_FORBIDDEN.search(body)


def topic_runs(paragraph: str, offset: int) -> list[tuple[int, int, str | None]]:
    """Split a paragraph at its topic sentences: (start, end, topic) for each run.

    The text export merged the page's bold sub-headings into the paragraphs; they survive as
    short headline sentences, and each opens a run that lasts until the next one.
    """
    spans = sentences(paragraph, offset)
    runs: list[tuple[int, int, str | None]] = []
    current_start, current_topic = offset, None
    for i, (start, end) in enumerate(spans):
        sentence = paragraph[start - offset : end - offset]
        opens_run = i + 1 < len(spans) and is_topic_sentence(sentence)
        if opens_run:
            if start > current_start:
                runs.append((current_start, start, current_topic))
            current_start, current_topic = start, sentence[:-1]
    runs.append((current_start, offset + len(paragraph), current_topic))
    return runs


def _quoted_phrases(text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"[“\"「]([^”\"」]{1,20})[”\"」]", text)}


def note_term(body: str, quoted_terms: set[str]) -> str:
    """The term a note explains: the text before its colon or 即, else a quoted term it opens with."""
    for marker in ("：", ":", "即"):
        cut = body.find(marker)
        if 0 < cut <= 40:
            return tidy_term(body[:cut])
    bare = body.lstrip("“\"「")
    matches = [term for term in quoted_terms if bare.startswith(term)]
    if matches:
        return max(matches, key=len)
    return bare[:10]


def tidy_term(term: str) -> str:
    """Mend quote marks the export lost (132”工作机制 → “132”工作机制) and drop a repeated quoted group."""
    term = term.strip()
    if term.count("”") > term.count("“"):
        term = "“" + term
    groups = re.findall(r"“[^”]*”", term)
    if len(groups) > 1 and groups[-1] in groups[:-1] and term.endswith(groups[-1]):
        term = term[: -len(groups[-1])]
    return term
