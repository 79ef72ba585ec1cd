"""The kind of answer a question asks for, and whether a span of the report gives one of that kind.

Chinese questions mark what they want with their question word: 多少/几 a figure — a rate when it
asks 百分之几, 增长多少, 比例 or a …率, a level or a count otherwise (多少亿元, 几所); 何时/哪年/哪天 a
date; 叫什么名字 a person; 哪条路/地址 an address; 什么位置 a place; 哪家医院/哪家公司 a body of that kind
(answered by a name of that kind); 电话/网址 a contact; 几点/开放时间
a time of day; 多长时间/多久/几天 a duration; 第几 an ordinal; 哪些/名单 a list; 每张…多少 a figure for
each one; 怎么办理 / 要准备哪些材料 / how do I a personal errand and 有什么推荐 / 值得去吗 a personal
recommendation, which no work report gives; 翻译 / 写一首诗 / tell me a joke a task, not a question.
A span answers only when it holds an answer of that kind: a percentage for a rate, an amount for a
level, a date for a date, a name for a person, an enumeration for a list or a breakdown, and so on.

Chinese says more in the figure's words, and the answer must agree with them: a count is answered
in a counter of its kind (多少人次 is not answered by 2处, ``qa.text.units``), and a change (增长了
多少, 提高几个百分点) is not the level reached (达到百分之多少), nor the reverse.

The answer is looked for where the report states the measure asked about: in a report a clause
pairs one measure with its figure (社会消费品零售总额205亿元), and a following clause that opens
with a predicate and no subject of its own (同比增长3%, 占全区50%) still speaks of it. A rate in
some other clause of the sentence does not answer a question about this measure. A count whose
counter the question names is recognised by that counter anywhere in the sentence.
"""

from __future__ import annotations

import re
from enum import StrEnum

from qa.answering.places import ADDRESS_ASKED, PLACE_ASKED, gives_address, place_given
from qa.text.english import FUNCTION_WORDS, glosses
from qa.text.quantities import SPAN_DATE, TIME_UNITS, Quantity, canonical_unit, extract_quantities
from qa.text.sentences import clause_spans
from qa.text.synonyms import synonym_groups
from qa.text.tokenize import pos_tags
from qa.text.units import (
    GENERAL_CLASSIFIER,
    MEASURES,
    PEOPLE_COUNTERS,
    RATE_UNITS,
    another_measure,
    base_unit,
    counts_things,
    gives_unit,
    measured_in,
    names_people,
    same_kind,
)


class AnswerType(StrEnum):
    """What a question asks for."""

    RATE = "rate"  # a percentage, a share, a growth rate
    LEVEL = "level"  # a level or a count, its unit named in the question (多少亿元, 几所)
    AMOUNT = "amount"  # a figure of either sort (a bare 多少)
    BREAKDOWN = "breakdown"  # a total broken into parts (各街道分别是多少)
    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    BODY = "body"  # a body of the kind named (哪家医院, 哪家公司): answered by a name of that kind
    AGENT = "agent"  # who is in charge of a thing (谁负责, 哪个部门牵头): answered by a body, a role or a person
    ADDRESS = "address"  # a street address (地址, 门牌, 哪条路)
    CONTACT = "contact"  # a telephone number, an e-mail or a web address
    CLOCK = "clock"  # a time of day (几点, 开放时间)
    ORDINAL = "ordinal"  # a rank or a round (第几次, 第几名)
    PER_UNIT = "per_unit"  # a figure for each one (每张床位补贴多少钱, 一个人能领多少)
    PROCEDURE = "procedure"  # how to run an errand oneself (怎么办理, 要准备哪些材料, how do I apply)
    ADVICE = "advice"  # a recommendation for the reader (有什么好馆子推荐, 值得去吗, recommend)
    TASK = "task"  # a task set for the reader's helper, not a question (翻译成英文, 写一首诗, tell me a joke)
    DURATION = "duration"  # how long something takes (多长时间, 多久, 几个工作日, how long)
    LIST = "list"  # the members of a set (哪些, 名单)
    OTHER = "other"  # an explanation, a yes/no, an open question


ENGLISH_ROLES = (
    "mayor", "director", "head", "secretary", "chairman", "chairwoman", "principal", "chief", "leader", "governor",
    "president", "premier", "minister",
)
MEASURE_WORDS = "个家所只张项户人次元亿万吨套名位辆台件栋间座条处片"
RATE_ASKED = re.compile(
    r"百分之[几多]|百分点|比例|比重|占比|增速|增幅|涨幅|降幅|几成|几倍|多少倍|"
    rf"(?:增长|上涨|涨|下降|降低|提高|上升)了?(?:的?(?:目标|幅度|速度))?(?:是|为|要)?(?:百分之)?多少(?![{MEASURE_WORDS}])|"
    r"(?<!效)率[^,，?？]{0,6}?(?:多少|几|多高|多大)|"
    r"what percentage|what share|how fast|growth rate|\brate\b"
)
# A level or a count with its unit named (多少亿元, 几所, 多少人); a bare 多少 accepts any figure.
# 多少钱 asks an amount of money, counted in 元.
# English asks a figure with how many, or with what … was and a noun naming a quantity (what was the
# district's GDP, what is the total investment).
ENGLISH_QUANTITY = r"gdp|revenue|income|output|investment|population|budget|sales|turnover|amount|number|total|value"
LEVEL_ASKED = re.compile(
    rf"(?:多少|(?<![哪那])几)[{MEASURE_WORDS}平千百钱]|how many|"
    rf"\bwhat (?:is|was|were|are|will be)\b(?: the| its)?(?: [a-z'’]+){{0,4}}? (?:{ENGLISH_QUANTITY})\b"
)
MONEY_ASKED = re.compile(r"(?:多少|几)(?=(?:块)?钱)|多少(?=的?(?:金额|钱款|资金))")
# 多长 / 多远 / 多宽 / 多深 ask a length (多长时间 asks a duration, below), given in 米 or 公里.
LENGTH_ASKED = re.compile(r"多(?:长|远|宽|深)(?!时间)|how (?:far|wide|deep|tall|high)\b")
# 多大 / 多高 / 多远 ask a magnitude: a figure, as 多少 does (多长时间 asks a duration, above).
AMOUNT_ASKED = re.compile(r"多少|(?<![哪那])几(?!乎)|多[大高远重深宽长](?!时间)|how much|how (?:big|large|tall|high|far)")
DATE_ASKED = re.compile(r"什么时候|何时|哪一?年|几几年|几月|哪一?天|哪个月|什么时间|几号|\bwhen\b|what year|what date")
# How precise a date is asked: a day (哪天, 几号, 几月几日, what date) or a month (几月, 哪个月).
DAY_ASKED = re.compile(r"哪一?天|几号|几月几[日号]|具体日期|哪一?日|\bwhat date\b|\bwhich day\b")
MONTH_ASKED = re.compile(r"几月|哪个月|\bwhat month\b|\bwhich month\b")
# A day: N日, or N号 after its month (3月5号). A bare N号 is a house or a document number (鞍山道54号,
# 〔2020〕1号).
DAY = re.compile(r"(?<![0-9〕])[0-9一二三四五六七八九十]{1,3}日(?![报])|月[0-9一二三四五六七八九十]{1,3}号")
MONTH = re.compile(r"[0-9一二三四五六七八九十]{1,2}月")
# A name asked outright (叫什么名字, 姓名, 所长叫什么). A bare 谁 / 哪位 / who asks for an agent,
# which a report answers with a unit or a group (由区发改委牵头) as often as with a person: any
# answer will do for it.
PERSON_ASKED = re.compile(
    r"叫什么名字|什么名字|姓名|姓什么|(?:长|主任|书记|经理|负责人|领导|主席|带头人|创始人|老板|法人代表|法定代表人)(?:叫什么|叫啥|是谁|是哪位|姓什么)|"
    r"谁(?:是|担任|在当)[^,，?？]{0,8}(?:长|主任|书记|主席)|哪位(?:领导|同志|负责人)|\bwhat is the name\b|"
    rf"\bwho (?:is|was|are|were) (?:the )?(?:[a-z]+ )*?(?:{'|'.join(ENGLISH_ROLES)})\b"
)
# A stock asked: how many there are now or in all. Reports mostly give flows (新增, 新建, 引进), which
# do not answer it; a total they give (累计, 共有, 达到57家) does.
STOCK_ASKED = re.compile(
    r"(?:一共|总共|共|现|目前|现在|如今|全区|总)(?:一共|总共|共)?有(?:多少|几)|总数|存量|"
    r"\bhow many [a-z0-9 -]+ (?:are there|does [a-z ]+ have|do [a-z ]+ have)\b"
)
# A year or a year word makes the question about what a year added, not what there is in all.
FLOW_WORDS = re.compile(
    r"新增|新建|新开|新设|增设|增加|筹建|引进|落户|签约|建成|完成|开展|发放|举办|去年|今年|明年|20[0-9]{2}|"
    r"\b(?:new|added|built|opened|introduced|last year|this year)\b"
)
STOCK_BEFORE = re.compile(r"(?:累计|共有|共计|总计|合计|总数|总量|现有|拥有|保有|达到|达|共|总)[^,。;，；]{0,8}$")
FLOW_BEFORE = re.compile(r"(?:新增|新建|新开|新设|增设|增加|筹建|引进|落户|签约)[^,。;，；]{0,20}$")
HOW_MANY = re.compile(r"\bhow many (?P<words>(?:[a-z'-]+ ?){1,4})")
ENGLISH_ROLE = re.compile(rf"\b({'|'.join(ENGLISH_ROLES)})\b")
# The role whose holder a question asks for (所长叫什么, 谁是区长, who is the mayor).
ROLE_ASKED = re.compile(
    r"(?P<role>[\u4e00-\u9fff]长|主任|书记|经理|负责人|领导|主席|带头人|创始人|老板)(?:叫|是谁|是哪位|姓)|"
    r"谁(?:是|担任|在当)[^,，?？]{0,8}?(?P<after>[\u4e00-\u9fff]长|主任|书记|主席)|哪位(?P<which>领导|同志|负责人)"
)
# Which one of a kind of body (哪家医院, 哪个公司, 哪所学校): the answer names one, and such names end in
# the kind's word (区中医医院, 滨江集团, 第一南开中学); a span without one names none.
# Each kind asked, and the words a name of that kind ends with: a school may be a 中学, a company a 集团.
BODY_NAME_ENDS = (
    {kind: kind for kind in ("医院", "中学", "小学", "幼儿园", "银行", "派出所")}
    | {"学校": "学校|中学|小学|学院"}
    | dict.fromkeys(("公司", "企业", "集团"), "公司|集团|企业")
)
BODY_ASKED = re.compile(rf"哪(?:个|家|所|座)(?P<kind>{'|'.join(BODY_NAME_ENDS)})")
# Who is in charge of a thing (是谁负责的, 由谁牵头, 哪个部门主管, 归谁管): a report that says so names the
# body, the role or the person (由区发改委牵头, 街道党工委书记担任总街片长); a sentence that only says what
# was done names nobody in charge. A bare 谁 (谁盯着) asks as often what is done as who does it.
CHARGE_VERBS = "负责|牵头|主管|主办|承办|承建|组织实施|管理|施工|运营|承担|提出|发起|创办|倡导"
AGENT_ASKED = re.compile(
    rf"(?:由|是|归)?谁(?:来)?(?:{CHARGE_VERBS}|管)|(?:哪个|什么|哪些|哪家)(?:部门|单位|机构)(?:来|在)?(?:{CHARGE_VERBS}|管)|"
    rf"归哪个(?:部门|单位)|\bwho (?:is )?(?:in charge|responsible|runs|manages)"
)
# How a report names who is in charge: a body (…局, …委, 街道, …公司), a role (…长, 书记, 主任, 负责人)
# or a group of people (…专班, 网格员, 志愿者).
AGENT_ENDS = (
    "局|委|办|厅|部|署|政府|街道|公司|集团|部门|单位|组|队|协会|委员会|党委|工委|"
    "长|书记|主任|负责人|干部|人员|专员|专班|网格员|志愿者|社工"
)
CONTACT_ASKED = re.compile(r"电话|号码|热线|手机号|邮箱|网址|网站|官网|公众号|联系方式|\bphone\b|e-?mail|website")
CLOCK_ASKED = re.compile(
    # 开门 / 关门 ask the hours, not 都得关门 (shut down for good)
    r"几点|(?<![得要会都])(?:开门|关门)|营业时间|开放时间|办公时间|上班时间|(?:周|星期)[一二三四五六日天末](?:上班|营业|开放|办公)|"
    r"\bopening hours\b|what time"
)
# Which one stands first among its kind (哪个街道新增的最多, 投资最大的是哪个小区): a rank, which a
# report gives as one (位居全市第一, 最大的) or not at all; a sentence counting the members names none first.
# …最X (哪个街道最多), 最X的…是哪 (最高的楼是哪座), and English superlatives (the tallest, the most visited).
SUPERLATIVE_ASKED = (
    r"哪(?!些)[一]?[个家项条所位种类]?[^,，?？]{0,12}最[\u4e00-\u9fff]|最[\u4e00-\u9fff]{1,4}的[\u4e00-\u9fff]{0,4}?(?:是)?哪|"
    r"\bthe (?:most|least) [a-z]+|\bthe [a-z]{2,}(?:iest|[^r\W]est)\b"
)
ORDINAL_ASKED = re.compile(rf"第几|排第|排名第?几|排名(?:怎么样|如何|情况)|名次|{SUPERLATIVE_ASKED}")
# The words a set's size is counted in (14类, 三级, 8家).
SET_COUNTERS = MEASURE_WORDS + "类种级"
# 哪两家 / 哪八个 ask the members of a set whose size the question gives.
LIST_ASKED = re.compile(
    rf"哪些|哪几[{SET_COUNTERS}批]|哪(?:[两二三四五六七八九十]|[2-9]|[1-9][0-9])[{SET_COUNTERS}]|"
    r"名单|清单|明细|具体是哪|逐一|都有什么|分别(?:叫|是)(?:什么|啥)|分别(?:是)?(?:做|干)(?:什么|啥)|(?:具体|各自|分别)的?(?:名字|名称)|"
    r"都(?:叫|是)(?:什么|啥)|what are the|which\b"
)
# A total broken down into its parts: 分别是多少, 各个街道, 各街道.
# 每个街道建成几个 asks one figure per member, not a breakdown. 各类 is "of all kinds": reports write the
# total of 各类X as one figure (发放各类就业补贴1亿元), so 各类X多少 asks that total.
BREAKDOWN_ASKED = re.compile(
    r"(?:分别|各个|各自)[^,，?？]{0,8}?(?:多少|(?<!哪)几)|各(?!类)[\u4e00-\u9fff]{0,3}?(?:多少|(?<!哪)几)"
)
# The kind of unit a breakdown is asked by (每个街道分别, 各个社区各自, 各街道): its noun.
BROKEN_DOWN_BY = re.compile(
    r"(?:每个|各个|每一个|各)(?!类|种|项)(?P<by>[\u4e00-\u9fff]{2,3}?)(?:分别|各自|都|的|[0-9]|多少|有多少|是多少)"
)
# The members a question names before asking for each one's figure (会宁、靖远、舟曲各分到多少).
NAMED_MEMBERS = re.compile(r"[^,，、?？]+(?:、[^,，、?？]+)+(?=[^,，?？]*?(?:各|分别))")
# The size of a set the question gives (14个隔离点, 哪两家); 一个 is as often "a" as "one".
# How to run a personal errand: how one applies, registers, renews or books, what papers to bring,
# what tips there are, where to go for it, how to get there. A work report states what a government did and plans; it
# never walks a reader through an errand, so no passage answers such a question.
ERRANDS = "办理|申请|申报|报名|预约|补办|挂号|开户|缴纳|续签|换证|注册"
PROCEDURE_ASKED = re.compile(
    rf"(?:怎么|怎样|如何|咋)(?:{ERRANDS})|(?:准备|带|提交|需要)(?:哪些|什么|啥)(?:材料|证件|手续)|"
    rf"有(?:啥|什么)(?:技巧|窍门|攻略)|去哪(?:儿|里)?(?:{ERRANDS}|办|打|看病)|(?:怎么|怎样|如何)(?:坐|乘|搭|走)|坐几路|"
    r"(?:在|去|到|上)哪(?:儿|里)?(?:能|可以)?(?:查询|查到|查|下载)|"
    # whom one turns to for an errand (找哪个部门申请, 向哪里报名)
    rf"(?:找|向|到|去)(?:哪个|哪些|什么)(?:部门|单位|机构|窗口)(?:{ERRANDS}|办)|"
    r"\bhow (?:do|can|should|could) (?:i|we|you|one)\b|\bhow to\b|\bwhere (?:can|do|should) (?:i|we|you)\b"
)
# A recommendation for the reader: what to eat, see or choose, or what to do now that something has
# happened to them (蓝屏了怎么办, 密码忘了咋办). A work report states what a government did and plans;
# it never advises a reader, so no passage answers such a question.
ADVICE_ASKED = re.compile(
    r"推荐一?下|有(?:什么|啥|哪些)[^,，?？]{0,10}推荐|推荐(?:几|一)[家个处]|值得一?[去看吃玩逛买住]|了(?:该)?(?:怎么办|咋办)|"
    r"哪家[^,，?？]{0,8}(?:好|最)|哪(?:里|儿|个地方)[^,，?？]{0,6}(?:方便|好|便宜|划算)|(?:好吃|好玩|好喝|好逛)的|"
    # a judgement of taste or price for the reader (贵不贵, 好不好吃, 划不划算)
    r"(贵|便宜|划算|好吃|好喝|好玩)不\1|好不好[吃喝玩]|(?:贵|便宜|好吃|好玩)吗|"
    r"\brecommend|\bworth (?:a visit|visiting|seeing|trying)|"
    r"\b(?:best|good|nice) (?:place|restaurant|hotel|food|time|university|school|hospital)s?\b"
)
# A task set, not a question asked: translate, write, tell a joke. What a report says cannot do it.
# (Questions are matched as normalised: 写一篇 reads 写1篇.)
TASK_ASKED = re.compile(
    r"翻译|写[一1]?[首篇段份封]|讲[一1]?个笑话|造句|解方程|\btranslate\b|\bwrite (?:a|an|me|some)\b|\btell me a joke\b|"
    r"\ba poem\b|\bsolve\b"
)
# How long something takes: 多长时间, 多久, 几天, 多少个工作日 (几年 is as often 近几年 "in recent years").
DURATION_ASKED = re.compile(
    r"多长时间|多久|多少(?:天|个月|小时|个小时|分钟|周|个星期|个工作日)|(?<![哪那])几(?:天|个月|个小时|小时|分钟|周|个星期|个工作日)|"
    r"(?:交|缴|干|做|用|住|读|学)(?:满)?多少年|"
    r"\bhow long\b"
)
# A figure for each one of something: 每/一 (as normalised, 1) with a counter, then 多少/几 in that
# clause or the next (每张床位补贴多少钱, 新增1张床位,补贴多少钱). 每天/每年 ask a rate in time,
# answered as any figure is.
PER_UNIT_ASKED = re.compile(
    rf"(?:每|一|(?<![0-9.])1)[{MEASURE_WORDS}][^,，?？]{{0,10}}?(?:[,，][^,，?？]{{0,8}}?)?(?:多少|几|多[大高长重])|"
    r"\b(?:each|per|every)\b[^?]*\bhow (?:much|many)\b|\bhow (?:much|many)\b[^?]*\b(?:each|per|every|on average)\b"
)
# The one a figure is asked for each of (每个街道 → 街道): a word of two characters or more after 每 and its
# measure word.
EACH_ASKED = re.compile(rf"每(?:一)?[{MEASURE_WORDS}]?(?P<one>[\u4e00-\u9fff]{{2}})")
# A figure given for each one: 每…, 人均, 户均, 元/人.
PER_UNIT = re.compile(r"每|[人户]均|平均|/")
# An average asked outright (平均每家企业省了多少, on average): the report's total over its count is one.
AVERAGE_ASKED = re.compile(r"平均|均摊|\baverage\b")
# A count of a set the question names (那14类, 三级平台); not a sum of money said with 个 (十个亿 = 10亿).
COUNT_IN_QUESTION = re.compile(rf"(?P<n>[0-9]+|[两二三四五六七八九十]+)[{SET_COUNTERS}](?![亿万千百])")
# A clause that continues the statement of the clause before it, with the same subject left out.
CONTINUATION = re.compile(r"^(?:同比|比上年|比去年|较|增长|下降|减少|提高|上升|增加|占|达到?|为|其中|累计|同期)")

PERCENT_LEVEL_ASKED = re.compile(
    r"(?:达到|达|是|为|占|有|在)(?:百分之)?(?:多少|几)(?!倍)|比例|比重|占比|率[^,，?？]{0,4}?(?:是|为)?多少"
)
# A word of change that does not name the level reached (提高到, 增至 name a level).
CHANGE_VERBS = "增长|增加(?!值)|上涨|下降|降低|减少|提高|提升|上升|回落"
CHANGE_WORD = re.compile(rf"(?:{CHANGE_VERBS}|涨)(?![到至])|增速|增幅|涨幅|降幅|百分点|倍")
# A change asked against an earlier figure (比上年, 比去年, 同比, 较上一年; as normalised 上1年): its answer is a change.
COMPARED_ASKED = re.compile(r"比(?:上[一1]?年|去年|前[一1]年|20\d\d年)|同比|较(?:上[一1]?年|去年)")
# A figure preceded by a word of change states a change, whatever its unit (增长5000万元, 减少300人).
CHANGE_BEFORE = re.compile(rf"(?:{CHANGE_VERBS}|增幅|增速|涨幅|降幅|翻)[^,。;:，；、]{{0,6}}$")
# The counter a question names after 多少/几 (多少人次, 几所, 多少亿元), read as a figure would be.
ASKED_COUNTER = re.compile(rf"(?:多少|(?<![哪那])几)(?P<rest>[万亿千百]?[{MEASURE_WORDS}平][^\s,，?？的了呢吗]{{0,3}})")
# The word a question counts by after 几 (几级, 几层), for counts figures are not read in.
# 几 with the word counted (几级, 几层; 几A: a Latin unit letter, 4A级景区).
COUNTED_BY = re.compile(r"(?<![第哪那])几(?P<by>[\u4e00-\u9fffA-Za-z])")
# A telephone number (7 or more digits, with area code or dashes), an e-mail or a web address.
CONTACT = re.compile(r"(?<![0-9.])(?:[0-9][ -]?){7,}(?![0-9.])|[a-z0-9._-]+@[a-z0-9.-]+|www\.|https?://")
# A time of day: 9:00, 9点, 上午九时.
CLOCK = re.compile(
    r"[0-9]{1,2}[:：][0-9]{2}|[0-9一二三四五六七八九十]{1,3}[点时](?:[0-9一二三四五六七八九十半]|整|前|后|至|到|—)"
)
# A rank or a round: 第三次, 第1名.
ORDINAL = re.compile(r"第[0-9一二两三四五六七八九十百]+")
# Answers told by their written shape alone.
SHAPES = {
    AnswerType.DATE: SPAN_DATE,
    AnswerType.CONTACT: CONTACT,
    AnswerType.CLOCK: CLOCK,
    AnswerType.ORDINAL: ORDINAL,
    AnswerType.PER_UNIT: PER_UNIT,
}


# A yes/no question in the A-not-A form (会不会, 有没有, 是不是, 能不能) or with 是否. In it 几 is
# indefinite, "a few" (会不会几个警种一起上: "do several forces act together?"), not a question word.
YES_NO_FORM = re.compile(r"([\u4e00-\u9fff])[不没]\1|有没有|是否")
INDEFINITE_JI = re.compile(r"(?<![第哪那])几(?=[个家所项类种位名])")


def asked_type(normalised_question: str) -> AnswerType:
    """The kind of answer a (normalised) question asks for; the most specific cue wins."""
    q = normalised_question
    if (yes_no := YES_NO_FORM.search(q)) and "多少" not in q:
        q = q[: yes_no.end()] + INDEFINITE_JI.sub("某", q[yes_no.end() :])
    for kind, cue in (
        (AnswerType.PROCEDURE, PROCEDURE_ASKED),
        (AnswerType.ADVICE, ADVICE_ASKED),
        (AnswerType.TASK, TASK_ASKED),
        (AnswerType.PERSON, PERSON_ASKED),
        (AnswerType.AGENT, AGENT_ASKED),
        (AnswerType.CONTACT, CONTACT_ASKED),
        (AnswerType.CLOCK, CLOCK_ASKED),
        (AnswerType.DATE, DATE_ASKED),
        (AnswerType.DURATION, DURATION_ASKED),
        (AnswerType.ADDRESS, ADDRESS_ASKED),
        (AnswerType.ORDINAL, POSITION_ASKED),  # before a place: 保持在什么位置 asks a rank
        (AnswerType.PLACE, PLACE_ASKED),
        (AnswerType.ORDINAL, ORDINAL_ASKED),
        (AnswerType.BREAKDOWN, BREAKDOWN_ASKED),
        (AnswerType.PER_UNIT, PER_UNIT_ASKED),
        (AnswerType.LIST, LIST_ASKED),
        (AnswerType.RATE, RATE_ASKED),
        (AnswerType.LEVEL, LEVEL_ASKED),
        (AnswerType.AMOUNT, AMOUNT_ASKED),
        # Last: which bank's rate is highest asks a rate first.
        (AnswerType.BODY, BODY_ASKED),
    ):
        if cue.search(q):
            return kind
    return AnswerType.OTHER


def span_gives(kind: AnswerType, span: str, question: str = "") -> bool:
    """Whether ``span`` holds an answer of the kind asked (always True for OTHER).

    A list is missing only when the question already quotes the count of the set it asks about
    (14个…分别是哪些) and the span does not enumerate: the report counted the set, not named it.
    """
    if kind in (AnswerType.PROCEDURE, AnswerType.ADVICE, AnswerType.TASK):
        return False
    if kind is AnswerType.DURATION:
        # A how-long question is answered by a span of time (3个工作日, 60天以内) or by the point it
        # ends at (年底前建成).
        return any(q.unit in TIME_UNITS for q in extract_quantities(span)) or bool(SPAN_DATE.search(span))
    if kind in NAMED_GIVEN:  # before the shapes: a date is read more closely than its shape
        return NAMED_GIVEN[kind](span, question)
    if kind is AnswerType.PER_UNIT and AVERAGE_ASKED.search(question) and _total_and_count(span):
        return True
    if kind is AnswerType.PER_UNIT and (each := EACH_ASKED.search(question)) and each["one"] not in span:
        # 每个街道派几个 asks a figure for each street: a figure for each group (每组3人) is of another one.
        return False
    if kind in SHAPES:
        return bool(SHAPES[kind].search(span))
    return _figure_given(kind, span, question)


def _total_and_count(span: str) -> bool:
    """Whether ``span`` gives a total measured in money, weight, area or people and, in that clause or the one
    before, the count it is a total of (为7254家企业减免社会保险费27.95亿元; 122个项目,计划总投资798.8亿元):
    an average asked is that total over that count."""
    clauses = [span[start:end] for start, end in clause_spans(span)]
    for before, clause in zip(["", *clauses], clauses):
        figures = [q for q in extract_quantities(before + "，" + clause) if not q.is_year]
        things = [q for q in figures if counts_things(q.unit) and canonical_unit(q.unit) not in PEOPLE_COUNTERS]
        if any(base_unit(q.unit) in MEASURES for q in figures) and any(
            counts_things(q.unit) or canonical_unit(q.unit) in PEOPLE_COUNTERS for q in figures
        ):
            return True
        # People served over the places serving them (14个观察点…隔离观察5020人次).
        if things and any(gives_unit("人", q.unit) for q in figures):
            return True
    return False


# A rank (排第几, 名次, 第几名) is answered by a place in an order (第一名, 位居全市第一, 前列); a round (第几届,
# 第几次, 第几批) by an ordinal of that counter. 第十四届 is no rank, and 全市第一 no round.
# A position held in a ranking (保持在什么位置, 排在什么位置): a rank, not a place.
POSITION_ASKED = re.compile(r"(?:保持|排|处于|位居|位列|居于?)在?(?:什么|哪个|啥|怎样的?)(?:位置|名次|位次)")
RANK_ASKED = re.compile(rf"排第|排名|名次|第几[名位]|{POSITION_ASKED.pattern}|{SUPERLATIVE_ASKED}")
ROUND_COUNTERS = "届次批轮期年季条号个家项"
ROUND_ASKED = re.compile(rf"第几(?P<counter>[{ROUND_COUNTERS}])")
RANK = re.compile(
    rf"第[0-9一二两三四五六七八九十百]+(?![0-9一二两三四五六七八九十百{ROUND_COUNTERS}])|前列|先进行列|前茅|前[0-9一二三四五六七八九十]+名|首位|榜首|"
    r"居首|之最|最[多大高快好强]"
)


def _ordinal_given(span: str, question: str) -> bool:
    if RANK_ASKED.search(question):
        return bool(RANK.search(span))
    if asked := ROUND_ASKED.search(question):
        return re.search(rf"第[0-9一二两三四五六七八九十百]+{asked['counter']}", span) is not None
    return bool(ORDINAL.search(span))


def _body_named(span: str, question: str) -> bool:
    asked = BODY_ASKED.search(question)
    return not asked or re.search(rf"[\u4e00-\u9fff]{{2,}}(?:{BODY_NAME_ENDS[asked['kind']]})", span) is not None


def _agent_named(span: str, question: str) -> bool:
    """Whether ``span`` names a body, a role or a person other than the question's own words (区中医医院
    是谁负责的 is not answered by 在区中医医院开展试点)."""

    def names_one(word: str, flag: str) -> bool:
        end = re.search(f"(?:{AGENT_ENDS})$", word)
        # One character ends a body's name of three or more (发改委, 教育局), not a word (公办, 民办).
        return flag == "nr" or (end is not None and len(word) >= max(2, 4 - len(end.group())))

    return any(names_one(word, flag) and word not in question for word, flag in pos_tags(span))


def _person_named(span: str, question: str) -> bool:
    """Whether ``span`` names the person asked. A report that names a role's holder writes the name
    beside the role (区长张三, 张三区长); a role alone (由…负责人担任) names nobody, and a role as a word is
    not its characters inside another (旧楼区长效管理 holds 区长)."""
    role = asked_role(question)
    words = pos_tags(span)
    if not role:
        return any(flag == "nr" for _, flag in words)
    return any(
        word in role and any(flag == "nr" for other, flag in words[max(0, k - 1) : k + 2] if other != word)
        for k, (word, _) in enumerate(words)
    )


def _date_given(span: str, question: str) -> bool:
    """Whether ``span`` gives a date as precise as asked: 哪天/几号 a day, 几月/哪个月 a month, else any
    date (2021年, 年底, 上半年). A year does not say on which day something opened."""
    if DAY_ASKED.search(question):
        return bool(DAY.search(span))
    if MONTH_ASKED.search(question):
        return bool(MONTH.search(span))
    return bool(SPAN_DATE.search(span))


def asked_role(question: str) -> frozenset[str]:
    """The words for the role whose holder a person question asks about (所长; mayor → 市长), or none.

    A report that names a role's holder names the role beside the name (区长张三), so a span that does
    not name the role does not answer, whatever jieba tags as a name in it (its dictionary files 养老
    and 文明 as names)."""
    english = ENGLISH_ROLE.search(question)
    if english:
        return glosses(english[1])
    asked = ROLE_ASKED.search(question)
    if not asked:
        return frozenset()
    # The whole word the question writes the role in (区委书记, not 书记, which 总书记 also ends in).
    group = next(g for g in ("role", "after", "which") if asked[g])
    at, words = 0, []
    for word, _ in pos_tags(question):
        if at < asked.end(group) and at + len(word) > asked.start(group):
            words.append(word)
        at += len(word)
    return frozenset({"".join(words)})


def _members_named(question: str) -> int:
    """How many members the question lists before asking for each one's figure (0 when it lists none)."""
    listed = NAMED_MEMBERS.search(question)
    return listed.group().count("、") + 1 if listed else 0


def _enumerates(span: str, question: str) -> bool:
    """Whether ``span`` names the members of the set the question counts: a list of as many (at most
    three) items, separated by 、. A question that gives no size is answered by any span."""
    size = COUNT_IN_QUESTION.search(question)
    if not size:
        # The parts of a named thing (“三大攻坚”包括哪些) are named together; other lists asked may be
        # answered by one name or by clauses (做了哪些工作).
        return not PARTS_OF_NAMED.search(question) or _members_joined(span)
    n = size["n"]
    members = int(n) if n.isdigit() else CHINESE_DIGITS.get(n, 3)
    if size.group().endswith("级") and _tiers_named(span, n, members):
        return True
    # 寿安里、新兴里、建津里等39个小区: examples of the set, not its members.
    named = span.count("、") + 1
    if re.search(rf"等{re.escape(n)}", span) and named < members:
        return False
    return named >= min(members, 3)


# The parts of a thing the question quotes: “X”(具体)包括 / 包含 / 有 / 是 / 分为 哪些 (哪几项).
PARTS_OF_NAMED = re.compile(rf"”[^,，?？]{{0,4}}(?:包括|包含|含有|有|是|分为|分成)(?:哪些|哪几[{SET_COUNTERS}])")
# Members named together: a 、 list or announced (:, 包括, 分别, 等), or two joined by a conjunction.
MEMBERS_JOINED = re.compile(r"、|[:：]|包括|分别|等")
JOINING_WORDS = frozenset({"和", "及", "与", "以及", "并"})


def _members_joined(span: str) -> bool:
    # 和 is a conjunction only where the tagger reads it so: 和平 is the district's name.
    return bool(MEMBERS_JOINED.search(span)) or any(w in JOINING_WORDS and t == "c" for w, t in pos_tags(span))


CHINESE_DIGITS = {d: i for i, d in enumerate("零一二三四五六七八九", start=0)} | {"两": 2, "十": 10}
# The tiers of government and of its bodies, which a report names one character each before their count
# (镇村两级, 区街两级, 区、院、科三级).
TIERS = "国省市区县街镇乡村社楼院科校"


def _tiers_named(span: str, n: str, members: int) -> bool:
    """Whether ``span`` names as many tiers right before their count (镇村两级 for 哪两级)."""
    return any(
        len(re.sub("、", "", m.group(1))) == members for m in re.finditer(rf"((?:[{TIERS}]、?)+){re.escape(n)}级", span)
    )


def _figure_given(kind: AnswerType, span: str, question: str) -> bool:
    # The figure a question quotes (5000户新增市场主体中个体工商户有多少) is what it knows, not what it asks.
    quoted = {(q.value, q.unit) for q in extract_quantities(question) if not q.is_year}
    quantities = [q for q in extract_quantities(span) if (q.value, q.unit) not in quoted]
    rates = [q for q in quantities if q.unit in RATE_UNITS]
    if kind is AnswerType.RATE:
        return bool(rates) and _percent_fits(question, span, rates)
    if kind in (AnswerType.LEVEL, AnswerType.AMOUNT):
        return _amount_given(kind, span, question, quantities)
    if kind is AnswerType.BREAKDOWN:
        by = BROKEN_DOWN_BY.search(question)
        # A breakdown by a kind of unit (每个街道分别多少) is given where the report names that kind.
        if by and pos_tags(by["by"])[0][1].startswith("n") and by["by"] not in span:
            return False
        return len(quantities) >= max(2, _members_named(question))
    return True


# A figure question ending in its question word (…是多少, …有多少钱?, …是多少亿元) names its measure right before it.
MEASURE_ASKED = re.compile(
    r"(?:是|有|为|达到?|能有|一共|总共|共|大概|大约|大致|约|到底|究竟|了|的)*(?:多少|几|多[大高长远重])(?:钱|[万亿千百]?[元人个家所项户次吨])?"
    r"[?？呢啊吗呀]*$"
)
# Words that frame a measure rather than name it (旅游收入目标是多少 asks 旅游收入).
MEASURE_FRAMES = ("目标", "指标", "预期", "计划", "任务", "规模", "总量", "水平", "情况")


# A measure named right after its question word, at the end (有多大面积, 是多少收入): the noun is the measure.
MEASURE_AFTER_CUE = re.compile(r"(?:多少|多大|多高|多长)(?P<noun>[\u4e00-\u9fff]{2,4})[?？呢啊吗呀]*$")
# Things counted right after 多少 (多少纠纷, 多少企业): a count asked, not a share.
COUNT_AFTER_CUE = re.compile(r"多少(?!钱)[\u4e00-\u9fff]{2}")


# Measure words of events or rounds (几起事故, 多少场招聘会), which the counters above lack.
EVENT_COUNTERS = "起场批轮届"
# The noun counted right after 多少 / 几 and a measure word (多少个学位, 几家银行, 几起生产安全事故).
COUNTED_NOUN = re.compile(rf"(?:多少|(?<![哪那第])几)(?P<by>[{MEASURE_WORDS}{EVENT_COUNTERS}])(?P<noun>[\u4e00-\u9fff]{{2,8}})")


def counted_noun_asked(question: str) -> str:
    """The noun a count question counts (多少个学位 → 学位), when the tagger reads one there, or ""."""
    asked = COUNTED_NOUN.search(question)
    if not asked:
        return ""
    word, tag = pos_tags(asked["noun"])[0]
    return word if tag.startswith("n") and len(word) >= 2 else ""


def _measure_after_cue(question: str) -> str:
    """The measure a question names right after 多少 / 多大 (有多大面积 → 面积) when the name says its unit, or ""."""
    asked = MEASURE_AFTER_CUE.search(question)
    return asked["noun"] if asked and measured_in(asked["noun"]) else ""


def asked_measure(question: str) -> str:
    """What a figure question names before its question word, without the words framing it (和平区户籍人口是多少
    → 和平区户籍人口; 旅游收入目标有多少 → 旅游收入), or ""."""
    asked = MEASURE_ASKED.search(question)
    words = [word for word, _ in pos_tags(question[: asked.start()])] if asked else []
    while len(words) > 1 and words[-1] in MEASURE_FRAMES:
        words.pop()
    return "".join(words)



def _amount_given(kind: AnswerType, span: str, question: str, quantities: list) -> bool:
    """Whether ``quantities`` (of ``span``) give the level or amount ``question`` asks."""
    quantities = _of_the_sort_asked(question, span, quantities)
    whole = _total_quoted(question)
    if whole is not None and not _part_named(question, whole, span):
        return False
    if (part := PART_OF_NAMED_WHOLE.search(question)) and not _part_in_span(part["part"] or part["named"], part["whole"], span):
        return False
    total = whole if whole is not None and whole.unit else None
    counter = asked_counter(question)
    if not counter and total is not None:
        # A part of a total the question quotes (新增就业3.1万人里男的多少) is counted in the total's unit.
        return any(q.unit not in RATE_UNITS and same_kind(total.unit, q.unit) for q in quantities)
    if not counter and counts_people(question):
        # 多少游客 / how many tourists: people are counted in persons or households, not in 处 or 个.
        return any(canonical_unit(q.unit) in PEOPLE_COUNTERS for q in quantities)
    if not counter and (measure := asked_measure(question) or _measure_after_cue(question)):
        if another_measure(measure, span) or not _in_its_unit(measure, quantities):
            return False
    if kind is AnswerType.LEVEL or counter:  # an AMOUNT asked has a unit only when it asks money (多少金额)
        people = counter == "户" and _households_of_people(question)
        # 个 stands for a specific measure word (多少张床位) only where the span names the thing counted.
        unnamed = (noun := counted_noun_asked(question)) and noun not in span
        return any(
            q.unit not in RATE_UNITS
            and _counts_as_asked("人" if people else counter, q.unit)
            and not (unnamed and q.unit == GENERAL_CLASSIFIER != counter)
            for q in quantities
        )
    if LENGTH_ASKED.search(question):
        return any(base_unit(q.unit) == "公里" for q in quantities)
    if (events := COUNTED_NOUN.search(question)) and events["by"] in EVENT_COUNTERS and _head_noun(events["noun"]) not in span:
        # 几起生产安全事故 counts accidents: a span that never names them counts other things.
        return False
    return bool(quantities) or _counted_as_asked(question, span)


def _nouns(text: str) -> list[str]:
    """The nouns of two characters or more in ``text`` (jieba), in order."""
    return [w for w, tag in pos_tags(text) if tag.startswith("n") and len(w) >= 2]


def _head_noun(phrase: str) -> str:
    """The last noun of ``phrase`` (生产安全事故 → 事故), the thing it names; the phrase itself if none."""
    nouns = _nouns(phrase)
    return nouns[-1] if nouns else phrase


def _of_the_sort_asked(question: str, span: str, quantities: list) -> list:
    """The figures of ``span`` of the sort ``question`` asks: a change when it asks one against a year
    before, a total when it asks how many there are, a count when it counts things after 多少."""
    if COMPARED_ASKED.search(question) and CHANGE_WORD.search(question):
        # 比上一年增加了多少 asks the change from a year before: a level reached (投入1.73亿元) is not one.
        quantities = [q for q in quantities if q.kind == "change" or CHANGE_BEFORE.search(span[: q.start])]
    if asks_stock(question):
        # 全区一共有多少家养老院 asks how many there are, which 新建3家 (how many were added) is not, nor a
        # figure of what was done with some of them (300个单位停车泊位夜间开放): only a figure stated as
        # a total (累计, 共有, 达57家) is one.
        quantities = [q for q in quantities if STOCK_BEFORE.search(span[: q.start]) and not FLOW_BEFORE.search(span[: q.start])]
    if COUNT_AFTER_CUE.search(question) and not asked_counter(question):
        # 化解了多少纠纷 counts disputes: a share (100%排查) is no count of them.
        quantities = [q for q in quantities if q.unit not in RATE_UNITS]
    # A figure after 其中 is a part's (固定资产投资…,其中政府投资约8.7亿元): it gives the whole asked nothing,
    # unless the question names that part (外贸出口 of 其中外贸出口101亿元).
    return [q for q in quantities if not _part_not_asked(span[: q.start], question)]


def _part_not_asked(before: str, question: str) -> bool:
    """Whether the text before a figure names, after 其中 in its clause group, a part the question does not."""
    at = before.rfind("其中")
    if at < 0 or re.search(r"[。;；]", before[at:]):
        return False
    part = _nouns(before[at + 2 :])
    return bool(part) and not any(w in question for w in part)


def _households_of_people(question: str) -> bool:
    """Whether a count in 户 asks households of people (惠及多少户居民), not firms (多少户市场主体)."""
    asked = re.search(r"(?:多少|几)户(?P<who>[\u4e00-\u9fff]{2})", question)
    return bool(asked) and names_people(asked["who"])


def _counts_as_asked(counter: str, unit: str) -> bool:
    """Whether a figure in ``unit`` answers a count asked in ``counter``. A report counts people by
    person, visit or household (10万名志愿者, 1.1万户): 个 there counts things (7万余个岗位), not people."""
    if canonical_unit(counter) == "人" and unit == GENERAL_CLASSIFIER:
        return False
    return same_kind(counter, unit)


# The words that ask a part of a total just named (3.1万人里, 5000户中, 其中).
PART_OF = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:里面?|当中|之中|中|其中)")


def _total_quoted(question: str) -> Quantity | None:
    """The figure a question quotes as a whole it asks a part of (新增就业3.1万人里男的多少 → 3.1万人; 15.66万职工
    里…, without a unit), or None."""
    quoted = [q for q in extract_quantities(question) if not q.is_year and q.unit not in RATE_UNITS]
    return next((q for q in quoted if PART_OF.match(question[q.end :])), None)


# A part asked of a whole named without a figure (税收里增值税占多少, 新增就业中女性有多少).
PART_OF_NAMED_WHOLE = re.compile(
    r"(?P<whole>[\u4e00-\u9fff]{2,8})(?:里面?|当中|之中|中)(?:(?P<part>[\u4e00-\u9fff]{2,8}?)(?:占了?|有|是)(?:多少|几)|"
    r"有(?:多少|几[\u4e00-\u9fff]?)是(?P<named>[\u4e00-\u9fff]{2,8}))"
)


def _part_in_span(part: str, whole: str, span: str) -> bool:
    """Whether ``span`` names the part a question asks of a whole (银行 of 31家金融机构里有几家是银行, 增值税
    of 税收里增值税占多少): a figure of another part (其中民营企业2067户) is not it. The part's own nouns
    count, not those it shares with the whole (民生项目 of 122个项目 → 民生); True when it has none (男的)."""
    nouns = [w for w in _nouns(part) if w not in whole]
    return not nouns or any(noun in span for noun in nouns)


def _part_named(question: str, total: Quantity, span: str) -> bool:
    """Whether ``span`` names the part a question asks of the whole it quotes with a figure (5000户市场主体里
    个体户占多少 → 个体户; see :func:`_part_in_span`)."""
    after = question[total.end :]
    whole = PART_OF.match(after)
    return _part_in_span(after[whole.end() :], whole.group(), span)


def _in_its_unit(measure: str, quantities: list) -> bool:
    """Whether a figure of ``quantities`` is in the unit ``measure``'s name implies, where it implies one:
    旅游收入 asks money, and 建成1处集散中心 gives no figure of it, whatever else the two share."""
    unit = measured_in(measure)
    return not unit or any(gives_unit(unit, q.unit) for q in quantities)


def asks_stock(question: str) -> bool:
    """Whether a figure question asks how many there are in all (全区一共有多少家, 现在有几所), not how
    many were added: it says 一共有 / 现有 / 目前有 and no word of adding (新增, 新建, 引进)."""
    return bool(STOCK_ASKED.search(question)) and not FLOW_WORDS.search(question)


def counts_people(question: str) -> bool:
    """Whether a figure question counts a kind of person without naming its counter: the noun right
    after 多少/几 (多少游客, 派了多少医生), or a word after how many (how many tourists)."""
    english = HOW_MANY.search(question)
    if english:
        words = [w for w in english["words"].split() if w not in FUNCTION_WORDS]
        return any(_all_people(glosses(w)) for w in words[:3])
    tags = pos_tags(question)
    return any(
        word in ("多少", "几") and nxt.startswith("n") and names_people(noun)
        for (word, _), (noun, nxt) in zip(tags, tags[1:])
    )


def _all_people(words: frozenset[str]) -> bool:
    """Whether the Chinese words an English word translates all name kinds of person (those Cilin files)."""
    filed = [w for w in words if synonym_groups(w)]
    return bool(filed) and all(names_people(w) for w in filed)


def needs_measure_window(kind: AnswerType, question: str) -> bool:
    """Whether the answer must stand in the clause that names the measure asked about.

    A rate, a list or a breakdown is read beside its measure (another clause's rate answers another
    measure). A count whose counter the question names (多少人次, 几所) is told by that counter
    wherever it stands in the sentence (开展…专项行动,建账登记1.94万人); the general classifier 个
    tells nothing.
    """
    if kind is AnswerType.LEVEL:
        return asked_counter(question) in ("", GENERAL_CLASSIFIER)
    return kind in PAIRED_KINDS


def _counted_as_asked(question: str, span: str) -> bool:
    """Whether ``span`` writes a numeral with the word the question counts by after 几 (几级 → 三级, 几层 →
    五层): a numeral and the word after it are a count, whether or not figures are read in that word."""
    asked = COUNTED_BY.search(question)
    return bool(asked) and re.search(rf"[0-9一二两三四五六七八九十]{re.escape(asked['by'])}", span, re.IGNORECASE) is not None


def asked_counter(question: str) -> str:
    """The unit a question counts in (多少人次 → 人次, 多少亿元 → 元, 几所 → 所), or "" when it names none
    or only a time unit (a duration is not a count of things)."""
    match = ASKED_COUNTER.search(MONEY_ASKED.sub(lambda m: m.group() + "元", question))
    if not match:
        return ""
    rest = match["rest"]
    for end in range(len(rest), 0, -1):
        figures = extract_quantities("1" + rest[:end])
        if figures and figures[0].unit:
            return "" if figures[0].is_year or figures[0].unit in TIME_UNITS else figures[0].unit
    return ""


def _percent_fits(question: str, span: str, rates: list) -> bool:
    """Whether the span's percentages are of the sort asked: a change (增长了多少, 提高几个百分点) is
    answered by a growth figure, a level (达到百分之多少, 占比多少) by a figure reached, not by a change."""
    changes = [q for q in rates if q.kind == "change" or "百分点" in q.unit or CHANGE_BEFORE.search(span[: q.start])]
    if CHANGE_WORD.search(question):
        return bool(changes)
    if PERCENT_LEVEL_ASKED.search(question):
        return len(changes) < len(rates)
    return True


# Kinds whose answer is a figure paired with its measure in one clause (see the module docstring).
# A list of a set the question counts (14个…分别是哪些) must be enumerated where that set is named, and
# an address is the address of what its clause names (坚持“项目为王”理念 gives none; the roads of the
# sentence's other clauses are other projects').
PAIRED_KINDS = (AnswerType.RATE, AnswerType.LEVEL, AnswerType.BREAKDOWN, AnswerType.LIST, AnswerType.ADDRESS)


def measure_window(span: str, words: list[str], weight, counted: str = "") -> str:
    """The clause of ``span`` that best names the question's ``words``, with its continuation clauses.

    ``weight(word)`` says how much a word counts (its IDF); a clause is scored by the weight of the
    question's words it contains, a word counting in part by the share of its characters present.
    ``counted``: the noun a count question counts (多少个学位 → 学位); a clause counting it (新增学位990个,
    21个社会组织: the noun right before or after a figure) is the one its figure stands in, whatever else
    the question's words frame.
    """
    spans = clause_spans(span)
    clauses = [span[s:e].strip() for s, e in spans]
    if not clauses or not words:
        return span

    def score(clause: str) -> float:
        return sum(weight(w) * sum(ch in clause for ch in w) / len(w) for w in words)

    def announces(i: int) -> bool:
        # A clause ending in a colon announces what follows (“五个高地”:创新发展高地、…).
        return span[spans[i][1] : spans[i][1] + 1] in (":", "：")

    best = max(range(len(clauses)), key=lambda i: (_counts(clauses[i], counted), score(clauses[i]), -i))
    end = best + 1
    while end < len(clauses) and (CONTINUATION.match(clauses[end]) or announces(end - 1)):
        end += 1
    return "，".join(clauses[best:end])


def _counts(clause: str, noun: str) -> bool:
    """Whether ``clause`` gives a figure of ``noun``: the noun within two characters after a figure
    (21个社会组织) or right before one (新增学位990个)."""
    if not noun:
        return False
    return any(
        noun in clause[q.end : q.end + len(noun) + 2] or clause[max(0, q.start - len(noun) - 2) : q.start].endswith(noun)
        for q in extract_quantities(clause)
        if not q.is_year
    )


# Kinds answered by something named in the span, and the test of each.
NAMED_GIVEN = {
    AnswerType.ADDRESS: gives_address,
    AnswerType.DATE: _date_given,
    AnswerType.PERSON: _person_named,
    AnswerType.PLACE: place_given,
    AnswerType.BODY: _body_named,
    AnswerType.AGENT: _agent_named,
    AnswerType.LIST: _enumerates,
    AnswerType.ORDINAL: _ordinal_given,
}
