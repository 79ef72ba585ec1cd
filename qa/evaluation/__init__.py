"""Figures on evaluation files: retrieval and no-answer (``questions``), verdicts (``claims``), calibration.

``data`` (reading JSON Lines), ``report`` (``evaluate_file``, ``format_report``), ``calibrate``.
"""
