"""The package's own exceptions: the library raises them, the CLI and UI turn them into messages."""


class QAError(Exception):
    """Base class for every error this package raises on purpose."""


class CorpusError(QAError):
    """The corpus folder or one of its files cannot be read as a report."""


class IndexMissingError(QAError):
    """No index has been built in the given folder."""


class StaleIndexError(QAError):
    """The index on disk was built from another corpus, model or passage cutter."""


class QueryError(QAError):
    """The question cannot be searched (empty, too long, nothing but punctuation)."""
