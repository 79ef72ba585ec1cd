"""Checking a statement against the report: supported, contradicted or not found, with evidence.

``claims`` (reading a statement, matching its words), ``wording`` (where two wordings part),
``verdict`` (``Verdict`` and its explanations), ``checker`` (``FactChecker``).
"""
