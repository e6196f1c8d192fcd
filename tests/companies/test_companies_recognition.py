"""Named company mentions in German and English sentences: spans, canonical names, tickers,
and the false-positive guards (tables in company_cases.py)."""

import pytest
from company_cases import DE, EN


def named(doc):
    return [
        (s._.value.mention, s._.value.name, s._.value.ticker)
        for s in doc.spans["companies"]
        if s.label_ == "ORG"
    ]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DE], ids=[c[0] for c in DE])
def test_german(nlp_de, text, expected):
    assert named(nlp_de(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in EN], ids=[c[0] for c in EN])
def test_english(nlp_en, text, expected):
    assert named(nlp_en(text)) == expected


def test_tables_are_large_enough():
    assert len(DE) + len(EN) >= 120
    assert len({c[0] for c in DE + EN}) == len(DE) + len(EN)
