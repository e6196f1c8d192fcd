"""spaCy components of eventx, one concern each, registered with ``@Language.factory``.

Importing this package registers the factories ``eventx_sentences``, ``eventx_amounts``,
``eventx_companies`` and ``eventx_events`` and the ``Doc``/``Span`` extensions they use.
"""

from .extensions import register_extensions

register_extensions()

from . import amounts, companies, events, sentences  # noqa: E402  (registers factories)

__all__ = ["amounts", "companies", "events", "register_extensions", "sentences"]
