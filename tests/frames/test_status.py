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
        ("Volkswagen bläst den Verkauf seiner Ladesparte ab.", "de", "cancelled"),
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


@pytest.mark.parametrize(
    "text,lang,etype,status",
    [
        # a plain future is planned; for a decision made public it is announced
        pytest.param("Volkswagen wird seine Ladesparte für 1,2 Mrd. Euro verkaufen.", "de",
                     "asset_sale", "planned", id="de-future-sale"),
        pytest.param("Die Allianz wird eine Dividende von 15,40 Euro je Aktie zahlen.", "de",
                     "dividend", "announced", id="de-future-dividend"),
        pytest.param("Volkswagen würde die Ladesparte für 1,2 Mrd. Euro verkaufen.", "de",
                     "asset_sale", "considered", id="de-conditional"),
        pytest.param("Harcourt Logistics will spend $400 million on new warehouses.", "en",
                     "investment", "planned", id="en-future-investment"),
        pytest.param("Harcourt Logistics will pay a special dividend of 40 cents a share.", "en",
                     "dividend", "announced", id="en-future-dividend"),
        pytest.param("Harcourt Logistics will acquire Delmar Shipping Corp. for $300 million.",
                     "en", "acquisition", "announced", id="en-future-two-party-deal"),
        pytest.param("Castellan Media Inc. will record a goodwill impairment of $700 million.",
                     "en", "impairment", "planned", id="en-future-not-completed"),
        # the type's own past forms in the clause of a noun trigger
        pytest.param("Die Vossberg Solar AG hat sich einen Kredit der EIB über 90 Millionen "
                     "Euro gesichert.", "de",
                     "financing", "completed", id="de-noun-trigger-completed"),
        pytest.param("Rivermark Energy Inc. sold $1.25 billion of senior unsecured notes on "
                     "Wednesday.", "en", "financing", "completed", id="en-notes-sold"),
        pytest.param("Der Hauptversammlung der Pixelwerk Media AG wird vorgeschlagen, jeweils "
                     "zehn Aktien zu einer neuen Aktie zusammenzulegen.", "de", "stock_split",
                     "planned", id="de-proposal-passive-not-future"),
        # a cue on the far side of a clause opener belongs to another event
        pytest.param("Wexford Shipyards Ltd filed for insolvency on Friday after talks with its "
                     "lenders collapsed.", "en", "insolvency", "completed", id="en-after"),
        pytest.param("After talks with its lenders collapsed, Wexford Shipyards Ltd filed for "
                     "insolvency.", "en", "insolvency", "completed", id="en-after-first"),
        pytest.param("Der Stahlbauer Lüders GmbH hat Insolvenzantrag gestellt, nachdem zwei "
                     "Bauprojekte gestoppt worden waren.", "de", "insolvency", "completed",
                     id="de-nachdem"),
        pytest.param("Sixt legt ein Aktienrückkaufprogramm über bis zu 150 Mio. Euro auf, das "
                     "bis Ende 2026 laufen soll.", "de", "share_buyback", "announced",
                     id="de-relative-clause"),
        pytest.param("Rheinmetall investiert in Unterlüß rund 450 Mio. Euro; ab 2027 sollen "
                     "dort Fahrzeuge gebaut werden.", "de", "investment", "announced",
                     id="de-semicolon"),
    ],
)
def test_status_reach(text, lang, etype, status):
    events = [e for e in eventx.extract(text, lang=lang) if e.type == etype]
    assert len(events) == 1, eventx.extract(text, lang=lang)
    assert events[0].status == status
