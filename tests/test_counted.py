"""What a report's count is said of: the examples named before it (山西路、锦州道等5条道路) and the noun after it."""

import pytest

from qa.factcheck.counted import (
    counted_noun,
    counts_another,
    examples_of_another,
    listed_members,
    named_examples,
    outside_the_list,
)

SENTENCE = "开展山西路、锦州道等5条道路人行车道整修以及寿安里、新兴里、建津里等"


def test_the_examples_before_a_count_are_read_without_the_words_before_them():
    assert named_examples("开展山西路、锦州道等") == ["山西路", "锦州道"]
    assert named_examples("道路人行车道整修以及寿安里、新兴里、建津里等") == ["寿安里", "新兴里", "建津里"]
    assert named_examples("开展道路整修") == []  # no 等: no examples named


def test_examples_of_another_count_are_found_and_the_counts_own_are_not():
    roads, compounds = ["山西路", "锦州道"], ["寿安里", "新兴里", "建津里"]
    assert examples_of_another(["寿安里", "新兴里"], roads, [compounds]) == (["寿安里", "新兴里"], 0)
    assert examples_of_another(["山西路"], roads, [compounds]) == ([], -1)
    assert examples_of_another(["南京路"], roads, [compounds]) == ([], -1)  # named nowhere: not this rule's


@pytest.mark.slow
def test_a_claim_giving_one_sets_count_to_the_others_examples(checker):
    swapped = checker.check("今年要整修寿安里、新兴里等5条道路的人行车道")
    assert swapped.verdict == "contradicted" and "39个" in swapped.explanation
    assert checker.check("今年要整修山西路、锦州道等5条道路的人行车道").verdict == "supported"


def test_the_noun_after_a_count_is_what_it_counts():
    sentence = "先后成立7个工作组、12个工作专班"
    assert counted_noun(sentence, sentence.index("个") + 1) == "工作组"
    others = [counted_noun(sentence, sentence.index("12个") + 3)]
    assert others == ["工作专班"]
    assert counts_another("工作专班。", "工作组", others) == 0
    assert counts_another("工作组。", "工作组", others) == -1
    assert counts_another("个小组", "工作组", others) == -1  # shares no word with the other count


@pytest.mark.slow
def test_a_claim_giving_one_count_to_the_next_members_noun(checker):
    crossed = checker.check("2020年和平区先后成立7个工作专班")
    assert crossed.verdict == "contradicted" and "12个" in crossed.explanation
    assert checker.check("2020年和平区先后成立12个工作专班").verdict == "supported"


def test_all_the_members_listed_before_a_count_name_the_set():
    assert listed_members("开展公共场所、发热门诊、进口冷链食品") == ["公共场所", "发热门诊", "进口冷链食品"]
    assert listed_members("区里对养老机构、高层住宅和地下建筑这") == ["养老机构", "高层住宅", "地下建筑"]
    assert outside_the_list(["养老机构", "高层住宅", "地下建筑"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == [
        "养老机构",
        "高层住宅",
        "地下建筑",
    ]
    assert outside_the_list(["公共场所", "发热门诊", "冷链食品"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == []
    # Fewer members than the count: some of the set, not all of it.
    assert outside_the_list(["养老机构", "高层住宅"], ["公共场所", "发热门诊", "进口冷链食品"], 3) == []


@pytest.mark.slow
def test_a_claim_listing_another_set_for_a_count(checker):
    wrong = checker.check("去年秋冬季防疫,区里对养老机构、高层住宅和地下建筑这三类重点部位开展了专项检查。")
    assert wrong.verdict == "contradicted" and "进口冷链食品" in wrong.explanation
    right = checker.check("去年秋冬季防疫,区里对公共场所、发热门诊和进口冷链食品这三类重点部位开展了专项检查。")
    assert right.verdict == "supported"
