"""Building, saving, loading and staleness of the real index."""

import json
import shutil

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.slow


def test_manifest_records_how_it_was_built(index_dir):
    manifest = json.loads((index_dir / "manifest.json").read_text("utf-8"))
    assert manifest["model"] == "intfloat/multilingual-e5-small"
    assert manifest["dimension"] == 384
    assert len(manifest["corpus_hash"]) == 64
    assert manifest["passages"] == sum(1 for _ in open(index_dir / "passages.jsonl", encoding="utf-8"))
    assert {"cutter_version", "tokenizer_version", "format"} <= manifest.keys()


def test_save_load_gives_same_results(index_dir, searcher, tmp_path):
    from qa.answering.search import Searcher
    from qa.index.store import Index

    copy = tmp_path / "copy"
    searcher.index.save(copy)
    reloaded = Searcher(Index.load(copy, CORPUS, embedder=searcher.index.embedder))
    for question in ("2020年和平区新增就业多少人?", "“一制三化”改革具体指什么?", "2021年计划引进多少个京冀项目?"):
        first = [(h.passage.id, round(h.score, 5)) for h in searcher.ask(question).hits]
        second = [(h.passage.id, round(h.score, 5)) for h in reloaded.ask(question).hits]
        assert first == second


def test_ids_stable_across_two_builds(index_dir, searcher, tmp_path):
    from qa.index.store import Index

    rebuilt = Index.build(CORPUS, embedder=searcher.index.embedder)
    assert [p.id for p in rebuilt.passages] == [p.id for p in searcher.index.passages]
    assert rebuilt.manifest["corpus_hash"] == searcher.index.manifest["corpus_hash"]


def test_stored_vectors_match_the_model(searcher):
    import numpy as np

    from qa.index.store import dense_text

    index = searcher.index
    vectors = index.embedder.encode_passages([dense_text(p) for p in index.passages[:3]])
    for row, vector in enumerate(vectors):
        assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-4)
        assert int(np.argmax(index.dense.scores(vector))) == row


def test_changed_corpus_is_detected_as_stale(index_dir, searcher, tmp_path):
    from qa.errors import StaleIndexError
    from qa.index.store import Index

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    report = next(corpus.glob("*.txt"))
    report.write_text(report.read_text("utf-8").replace("3.1万人", "3.2万人"), "utf-8")
    with pytest.raises(StaleIndexError, match="语料内容"):
        Index.load(index_dir, corpus, embedder=searcher.index.embedder)


def test_other_model_is_detected_as_stale(index_dir):
    from qa.errors import StaleIndexError
    from qa.index.store import Index

    with pytest.raises(StaleIndexError, match="向量模型"):
        Index.load(index_dir, CORPUS, model_id="some/other-model")


def test_edited_manifest_is_detected_as_stale(index_dir, searcher, tmp_path):
    from qa.errors import StaleIndexError
    from qa.index.store import Index

    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    manifest = json.loads((copy / "manifest.json").read_text("utf-8"))
    manifest["cutter_version"] = "0"
    (copy / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(StaleIndexError, match="段落切分规则"):
        Index.load(copy, CORPUS, embedder=searcher.index.embedder)


def test_missing_index_says_what_to_run(tmp_path):
    from qa.errors import IndexMissingError
    from qa.index.store import Index

    with pytest.raises(IndexMissingError, match="qa build"):
        Index.load(tmp_path / "nowhere", CORPUS)


def test_save_never_overwrites_a_foreign_folder(searcher, tmp_path):
    from qa.errors import QAError

    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", "utf-8")
    with pytest.raises(QAError):
        searcher.index.save(precious)
    assert (precious / "thesis.txt").read_text("utf-8") == "keep me"


def test_save_replaces_an_old_index_whole(searcher, tmp_path):
    target = tmp_path / "index"
    searcher.index.save(target)
    (target / "leftover.tmp").write_text("x", "utf-8")
    searcher.index.save(target)
    assert not (target / "leftover.tmp").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.")] == [target.resolve().name]


@pytest.mark.parametrize("damage", ["delete_passages", "garble_dense", "garble_passages", "garble_second", "short_second"])
def test_damaged_index_is_reported_as_stale(index_dir, searcher, tmp_path, damage):
    from qa.errors import StaleIndexError
    from qa.index.store import Index

    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    if damage == "delete_passages":
        (copy / "passages.jsonl").unlink()
    elif damage == "garble_dense":
        (copy / "dense.faiss").write_bytes(b"garbage")
    elif damage == "garble_second":
        (copy / "second.npy").write_bytes(b"garbage")
    elif damage == "short_second":
        import numpy as np

        np.save(copy / "second.npy", np.load(copy / "second.npy")[:-1])
    else:
        (copy / "passages.jsonl").write_text("{not json\n", "utf-8")
    with pytest.raises(StaleIndexError, match="qa build"):
        Index.load(copy, CORPUS, embedder=searcher.index.embedder)


def test_the_second_readers_vectors_are_saved_with_the_index(index_dir, searcher):
    import numpy as np

    from qa.index.second_reader import load_second_reader

    second = np.load(index_dir / "second.npy")
    assert second.shape == (len(searcher.index.passages), 512)
    assert json.loads((index_dir / "manifest.json").read_text("utf-8"))["second_reader"] is True
    # Each stored row is the reader's vector of its passage: the passage finds itself first.
    reader = load_second_reader()
    for row, passage in enumerate(searcher.index.passages[:3]):
        vector = reader.encode([passage.text])[0]
        assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)
        assert int(np.argmax(second.astype(np.float32) @ vector)) == row
