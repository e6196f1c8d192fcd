"""``eventx_amounts``: money, percent, horizon and date spans with normalised values.

Fills, on every Doc:

- ``doc.spans["money"]``: label ``"MONEY"``, or ``"MONEY_PER_SHARE"`` for per-share amounts
  ("1,10 Euro je Aktie", "$0.25 per share", "Ergebnis je Aktie von 2,31 Euro");
- ``doc.spans["percent"]``: label ``"PERCENT"``;
- ``doc.spans["horizons"]``: label ``"HORIZON"``;
- ``doc.spans["dates"]``: label ``"DATE"``, value a ``datetime.date`` or None when the
  expression needs a publication date the Doc does not have (the span is kept);

each span's ``_.value`` is what the normaliser of ``eventx.normalize`` returned, so a span and
``eventx.parse_money(span.text)`` agree. The normalisers scan the Doc's text (the caller's
text) with a few compiled patterns, so offsets index the original. Soft hyphens and
zero-width characters are taken out and HTML character references ("&nbsp;", "&euro;")
decoded before scanning, and the offsets mapped back. A date inside
a horizon ("bis Ende März 2026") is only a horizon. Relative expressions resolve against
``doc._.published``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..doc_data import span_values
from ..normalize import prepare
from ..normalize._text import check_lang, plain_with_offsets
from ..normalize.money import iter_amounts, per_share_before
from ..normalize.percent import iter_percents
from ..normalize.scan import starts
from ..normalize.time import coerce_date, iter_dates, iter_horizons
from ..schema import Money
from .extensions import doc_text

__all__ = ["AmountFinder", "make_amounts"]

class AmountFinder:
    """Find amounts, percentages, horizons and dates in a Doc and attach their values."""

    def __init__(self, lang: str) -> None:
        self.lang = check_lang(lang)
        prepare(self.lang)

    @staticmethod
    def _spans(
        doc: Doc,
        found: Iterable[tuple[int, int, Any]],
        label: str | Callable[[int], str],
        offsets: tuple[list[int], list[int]] | None,
    ) -> list[Span]:
        spans: list[Span] = []
        char_span = doc.char_span
        # labels as hashes, each added to the string store once per call instead of once
        # per span; the values of ``span._.value`` set directly (their store is made when
        # the first one is set, as ``set_value`` would)
        hashes: dict[str, int] = {}
        values = None
        overlap = False
        last = 0
        for start, end, value in found:
            name = label if isinstance(label, str) else label(start)
            key = hashes.get(name)
            if key is None:
                key = hashes[name] = doc.vocab.strings.add(name)
            if offsets is not None:
                start, end = offsets[0][start], offsets[1][end - 1]
            span = char_span(start, end, key, alignment_mode="expand")
            if span is None:  # pragma: no cover - "expand" always finds tokens
                continue
            if values is None:
                values = span_values(doc)
            values[span.start_char, span.end_char, key] = value  # span._.value
            overlap = overlap or span.start < last
            last = span.end
            spans.append(span)
        # two expressions can widen onto one token ("expand"); keep the longer one then
        return filter_spans(spans) if overlap else spans

    def __call__(self, doc: Doc) -> Doc:
        lang = self.lang
        published = coerce_date(doc._.published)
        text, starts_at, ends_at = plain_with_offsets(doc_text(doc))
        offsets = (starts_at, ends_at) if starts_at is not None and ends_at is not None else None
        at = starts(text, lang)
        spans = doc.spans

        per_share: set[int] = set()

        def amounts() -> Iterator[tuple[int, int, Money]]:
            for a in iter_amounts(text, lang, at.money):
                if a.per_share or per_share_before(text, a.start, lang):
                    per_share.add(a.start)
                yield a.start, a.end, a.money

        def money_label(start: int) -> str:
            return "MONEY_PER_SHARE" if start in per_share else "MONEY"

        spans["money"] = self._spans(doc, amounts(), money_label, offsets) if at.money else []
        spans["percent"] = (
            self._spans(doc, iter_percents(text, lang, at.percent), "PERCENT", offsets)
            if at.percent
            else []
        )
        horizons = list(iter_horizons(text, lang, published, at.horizon)) if at.horizon else []
        spans["horizons"] = self._spans(doc, horizons, "HORIZON", offsets) if horizons else []
        dates = iter_dates(text, lang, published, at.date) if at.date else ()
        if horizons:
            # a date inside a horizon ("bis Ende März 2026") is only the horizon
            dates = [d for d in dates if not any(d[0] < he and d[1] > hs for hs, he, _ in horizons)]
        spans["dates"] = self._spans(doc, dates, "DATE", offsets)
        return doc


@Language.factory("eventx_amounts", default_config={"lang": None})
def make_amounts(nlp: Language, name: str, lang: str | None) -> AmountFinder:
    """Factory of the amounts component; ``lang`` defaults to the pipeline's language."""
    return AmountFinder(lang or nlp.lang)
