"""The package's own exceptions: the library raises them, the CLI and the app turn them into messages.

Two families, because a person must act differently on each: an :class:`InputError` is fixed by
giving other input (the CLI exits 2), every other :class:`QAError` by acting on the installation
(build the index, name another model; the CLI exits 1).
"""


class QAError(Exception):
    """Base class for every error this package raises on purpose; its message is for people."""


class InputError(QAError):
    """What the user gave cannot be used: a question, a statement, an option, a file."""


class QueryError(InputError):
    """The question or statement cannot be searched (empty, too long, nothing but punctuation)."""


class EvalFileError(InputError):
    """An evaluation file cannot be read or is not in the expected format."""


class CorpusError(InputError):
    """The corpus folder or one of its documents cannot be read as a report."""


class IndexMissingError(QAError):
    """No index has been built in the given folder."""


class StaleIndexError(QAError):
    """The index on disk was built from another corpus, model, cutter or tokenizer."""


class DamagedIndexError(StaleIndexError):
    """The index on disk is incomplete or its files cannot be read."""


class UnreadableIndexError(QAError):
    """Something is at the index path that cannot be read as an index (a file, no permission); no build can help."""


class IndexLocationError(QAError):
    """The index folder cannot be written (it holds something that is not an index)."""


class ModelError(QAError):
    """The embedding model cannot be loaded."""


class CalibrationError(QAError):
    """The no-answer calibration file is missing or unreadable."""


class PlaceDataError(QAError):
    """The gazetteer of administrative place names is missing or unreadable."""
