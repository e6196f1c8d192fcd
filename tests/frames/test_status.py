"""Factuality from cue words: one row per cue family and language."""

import pytest

import eventx


@pytest.mark.parametrize(
    "text,lang,status",
    [
        ("Volkswagen will seine Ladesparte für 1,2 Mrd. Euro verkaufen.", "de", "planned"),
        ("Volkswagen hat seine Ladesparte für 1,2 Mrd. Euro verkauft.", "de", "completed"),
        ("Volkswagen verkaufte seine Ladesparte im Mai für 1,2 Mrd. Euro.", "de", "completed"),
        ("Volkswagen prüft den Verkauf seiner Ladesparte für 1,2 Mrd. Euro.", "de", "considered"),
        ("Volkswagen erwägt, seine Ladesparte für 1,2 Mrd. Euro zu verkaufen.", "de", "considered"),
        ("Volkswagen will seine Ladesparte laut Insidern für 1,2 Mrd. Euro verkaufen.", "de", "rumored"),
        ("Volkswagen dementierte, seine Ladesparte für 1,2 Mrd. Euro verkaufen zu wollen.", "de", "denied"),
        ("Volkswagen will seine Ladesparte nicht verkaufen.", "de", "denied"),
        ("Volkswagen hat den Verkauf seiner Ladesparte abgesagt.", "de", "cancelled"),
        ("Volkswagen verkauft seine Ladesparte für 1,2 Mrd. Euro.", "de", "announced"),
        ("Volkswagen plans to sell its charging unit for €1.2bn.", "en", "planned"),
        ("Volkswagen sold its charging unit for €1.2bn.", "en", "completed"),
        ("Volkswagen completed the sale of its charging unit for €1.2bn.", "en", "completed"),
        ("Volkswagen is exploring a sale of its charging unit for €1.2bn.", "en", "considered"),
        ("Volkswagen is in talks to sell its charging unit for €1.2bn, people familiar with the matter said.", "en", "rumored"),
        ("Volkswagen denied that it would sell its charging unit.", "en", "denied"),
        ("Volkswagen does not plan to sell its charging unit.", "en", "denied"),
        ("Volkswagen called off the sale of its charging unit.", "en", "cancelled"),
        ("Volkswagen agreed to sell its charging unit for €1.2bn.", "en", "announced"),
    ],
)
def test_status(text, lang, status):
    events = eventx.extract(text, lang=lang)
    assert [e.type for e in events] == ["asset_sale"]
    assert events[0].status == status
