"""Whole articles (written for these tests): every company mention with its label and
canonical name, the main company, and roles of the lead sentence."""

from pathlib import Path

import pytest

from eventx.companies.roles import assign_roles

HERE = Path(__file__).parent / "articles"

EXPECTED = {
    "de_bosch_sicherheitstechnik.txt": ("de", "Robert Bosch", [
        ("ORG", "Bosch", "Robert Bosch"),
        ("ORG", "Triton", "Triton"),
        ("ANAPHOR", "Der Stuttgarter Konzern", "Robert Bosch"),
        ("ANAPHOR", "das Unternehmen", "Robert Bosch"),
        ("ORG", "Triton", "Triton"),
        ("ORG", "Deutschen Bank", "Deutsche Bank"),
        ("ORG", "Continental", "Continental"),
        ("ORG", "Siemens AG", "Siemens"),
        ("ANAPHOR", "ihrer", "Siemens"),
        ("ORG", "Siemens", "Siemens"),
        ("ORG", "Infineon", "Infineon Technologies"),
        ("ORG", "SAP", "SAP"),
        ("ANAPHOR", "Der Chiphersteller", "Infineon Technologies"),
        ("ORG", "Volkswagen", "Volkswagen"),
        ("ORG", "Commerzbank", "Commerzbank"),
        ("ORG", "Unicredit", "UniCredit"),
        ("ANAPHOR", "dem Institut", "Commerzbank"),
        ("ORG", "RWE", "RWE"),
        ("ORG", "Amazon", "Amazon"),
        ("ORG", "Stadtwerke München GmbH", "Stadtwerke München"),
    ]),
    "en_siemens_logistics.txt": ("en", "Siemens", [
        ("ORG", "Siemens", "Siemens"),
        ("ORG", "Blackstone", "Blackstone"),
        ("ORG", "Siemens AG", "Siemens"),
        ("ANAPHOR", "its", "Siemens"),
        ("ORG", "Blackstone", "Blackstone"),
        ("ANAPHOR", "the Munich-based group", "Siemens"),
        ("ORG", "Blackstone", "Blackstone"),
        ("ORG", "Siemens", "Siemens"),
        ("ANAPHOR", "the company", "Siemens"),
        ("ANAPHOR", "the German conglomerate", "Siemens"),
        ("ORG", "ABB", "ABB"),
        ("ORG", "Microsoft", "Microsoft"),
        ("ANAPHOR", "The Redmond, Washington-based company", "Microsoft"),
        ("ORG", "JPMorgan Chase & Co.", "JPMorgan Chase"),
        ("ORG", "Siemens", "Siemens"),
        ("ORG", "Apple", "Apple"),
    ]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(nlps, name):
    lang, main, mentions = EXPECTED[name]
    doc = nlps[lang](HERE.joinpath(name).read_text("utf-8"))
    assert [(s.label_, s.text, s._.value.name) for s in doc.spans["companies"]] == mentions
    assert doc._.main_company.name == main


def test_lead_sentence_roles(nlp_en):
    doc = nlp_en(HERE.joinpath("en_siemens_logistics.txt").read_text("utf-8"))
    sell = next(t for t in doc if t.text == "sell" and t.i > 10)
    trigger = doc[sell.i : sell.i + 1]
    roles = assign_roles(trigger.sent, trigger, list(doc.spans["companies"]), "en")
    assert (roles.agent.text, roles.patient, roles.counterpart.text) == (
        "Siemens AG", None, "Blackstone"
    )
