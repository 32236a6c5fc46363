"""Benchmarks: precision, recall and speed (run as modules, e.g. `python -m benchmarks.timing_rules`)."""
