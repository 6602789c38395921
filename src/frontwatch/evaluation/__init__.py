"""Evaluations of frontwatch's stages against annotated corpora (``frontwatch eval ...``).

Each module reads one corpus format, runs one stage and returns its scores as a plain,
JSON-serializable dict. The corpora live outside the repository (``../shared/data``); the
quality-gate tests compare these scores with the baselines in ``tests/baselines``.
"""
