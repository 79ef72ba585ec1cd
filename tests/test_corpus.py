"""Broken corpus folders and files give clear errors."""

import pytest

from qa.documents.corpus import corpus_fingerprint, load_corpus
from qa.errors import CorpusError
from tests.conftest import CORPUS


def test_report_is_kept_byte_for_byte(source):
    assert source.text.encode("utf-8") == (CORPUS / "heping-2021-plan-report.txt").read_bytes()


def test_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="不存在"):
        load_corpus(tmp_path / "nope")


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="没有"):
        load_corpus(tmp_path)


def test_not_utf8(tmp_path):
    (tmp_path / "report.txt").write_bytes("和平区".encode("gbk"))
    with pytest.raises(CorpusError, match="UTF-8"):
        load_corpus(tmp_path)


def test_empty_file(tmp_path):
    (tmp_path / "report.txt").write_text("  \n", "utf-8")
    with pytest.raises(CorpusError, match="空"):
        load_corpus(tmp_path)


def test_fingerprint_changes_with_content(tmp_path, source):
    (tmp_path / "a.txt").write_text(source.text, "utf-8")
    before = corpus_fingerprint(load_corpus(tmp_path))
    (tmp_path / "a.txt").write_text(source.text + "。", "utf-8")
    assert corpus_fingerprint(load_corpus(tmp_path)) != before
