"""Reports as documents: loading, structure, passages with citations, the reader's view.

``corpus`` (files as stored), ``structure`` (metadata, parts, sections, topics, notes), ``passages``
(cited pieces with source offsets), ``reader`` (the report laid out for reading).
"""
