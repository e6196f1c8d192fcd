"""From trigger words to event frames: patterns, triggers, factuality, arguments, merging.

The spaCy component ``eventx_events`` (``components/events.py``) drives these modules; the
words they use are data in ``lang/<lang>/events/*.toml``, ``status.toml`` and ``context.toml``.
"""
