"""Reliability and security, measured: ``python -m benchmarks.reliability [--quick]`` writes docs/reliability.md.

``hostile`` feeds hostile inputs to each interface, ``faults`` damages the index and kills builds,
``web`` probes the app's limits, tries path traversal and puts it under load.
"""
