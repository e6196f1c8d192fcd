"""``eventx_companies``: company mentions -> ``doc.spans["companies"]`` with ``Company`` values.

Foundation placeholder: register aliases by phrase match, definite anaphora ("der Konzern",
"the group") resolved to the text's main company.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..companies import register
from ..lang import data


class CompanyFinder:
    """Find company mentions and resolve definite anaphora to the main company."""

    def __init__(self, nlp: Language) -> None:
        self.names = PhraseMatcher(nlp.vocab)
        self.names.add("ORG", [nlp.make_doc(a) for a in register().aliases()])
        self.anaphora = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.anaphora.add(
            "ANAPHOR", [nlp.make_doc(a) for a in data(nlp.lang, "companies")["anaphora"]]
        )

    def __call__(self, doc: Doc) -> Doc:
        reg = register()
        named = filter_spans([Span(doc, s, e, label="ORG") for _, s, e in self.names(doc)])
        for span in named:
            span._.value = reg.lookup(span.text)
        counts = Counter(s._.value.name for s in named)
        main = None
        if counts:
            top = counts.most_common(1)[0][0]
            main = next(s._.value for s in named if s._.value.name == top)
        doc._.main_company = main
        spans = list(named)
        if main is not None:
            for _, s, e in self.anaphora(doc):
                span = Span(doc, s, e, label="ANAPHOR")
                span._.value = main.model_copy(update={"mention": span.text})
                spans.append(span)
        doc.spans["companies"] = sorted(spans, key=lambda sp: sp.start)
        return doc


@Language.factory("eventx_companies")
def make_companies(nlp: Language, name: str) -> CompanyFinder:
    """Factory of the company component."""
    return CompanyFinder(nlp)
