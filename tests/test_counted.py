"""What a report's count is said of: the examples named before it (山西路、锦州道等5条道路), the noun after it
and the set listed whole before it."""

import pytest

from qa.factcheck import counted


def test_the_examples_before_a_count_are_read_without_the_words_before_them():
    assert counted.named_examples("开展山西路、锦州道等") == ["山西路", "锦州道"]
    assert counted.named_examples("道路人行车道整修以及寿安里、新兴里、建津里等") == ["寿安里", "新兴里", "建津里"]
    assert counted.named_examples("开展道路整修") == []  # no 等: no examples named


def test_examples_of_another_count_are_found_and_the_counts_own_are_not():
    roads, compounds = ["山西路", "锦州道"], ["寿安里", "新兴里", "建津里"]
    assert counted.examples_of_another(["寿安里", "新兴里"], roads, [compounds]) == (["寿安里", "新兴里"], 0)
    assert counted.examples_of_another(["山西路"], roads, [compounds]) == ([], -1)
    assert counted.examples_of_another(["南京路"], roads, [compounds]) == ([], -1)  # named nowhere: not this rule's


def test_the_noun_after_a_count_is_what_it_counts():
    sentence = "先后成立7个工作组、12个工作专班"
    assert counted.counted_noun(sentence, sentence.index("个") + 1) == "工作组"
    others = [counted.counted_noun(sentence, sentence.index("12个") + 3)]
    assert others == ["工作专班"]
    assert counted.counts_another("工作专班。", "工作组", others) == 0
    assert counted.counts_another("工作组。", "工作组", others) == -1
    assert counted.counts_another("个小组", "工作组", others) == -1  # shares no word with the other count


def test_all_the_members_listed_before_a_count_name_the_set():
    assert counted.listed_members("开展公共场所、发热门诊、进口冷链食品") == ["公共场所", "发热门诊", "进口冷链食品"]
    assert counted.listed_members("区里对养老机构、高层住宅和地下建筑这") == ["养老机构", "高层住宅", "地下建筑"]
    assert counted.outside_the_list(["养老机构", "高层住宅", "地下建筑"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == [
        "养老机构",
        "高层住宅",
        "地下建筑",
    ]
    assert counted.outside_the_list(["公共场所", "发热门诊", "冷链食品"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == []
    # Fewer members than the count: some of the set, not all of it.
    assert counted.outside_the_list(["养老机构", "高层住宅"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("wrong", "right", "named"),
    [
        # Another count's examples, before the count.
        ("今年要整修寿安里、新兴里等5条道路的人行车道", "今年要整修山西路、锦州道等5条道路的人行车道", "39个"),
        # The noun another count of the clause counts, after it.
        ("2020年和平区先后成立7个工作专班", "2020年和平区先后成立12个工作专班", "12个"),
        # Another set of as many members than the one the report lists whole.
        (
            "去年秋冬季防疫,区里对养老机构、高层住宅和地下建筑这三类重点部位开展了专项检查。",
            "去年秋冬季防疫,区里对公共场所、发热门诊和进口冷链食品这三类重点部位开展了专项检查。",
            "进口冷链食品",
        ),
    ],
)
def test_a_count_given_to_what_the_report_does_not_count_by_it(checker, wrong, right, named):
    said = checker.check(wrong)
    assert said.verdict == "contradicted" and named in said.explanation
    assert checker.check(right).verdict == "supported"
