"""Language detection: "de", "en", or None for anything else (py3langid, offline model)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import islice

from .lang import SUPPORTED

log = logging.getLogger("eventx")

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Only this much text is classified: the first part of a news item says its language.
_SAMPLE = 4000


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no types
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The language of ``text`` if it is one eventx supports, else None."""
    sample = text[:_SAMPLE]
    if sum(1 for _ in islice(_LETTERS.finditer(sample), 3)) < 3:  # stops at the third
        return None
    lang, _prob = _identifier().classify(sample)
    return lang if lang in SUPPORTED else None
