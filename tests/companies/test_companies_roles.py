"""Roles around a trigger: agent, patient, counterpart (eventx.companies.roles)."""

import pytest

from eventx.companies.roles import Roles, assign_roles

# (id, lang, text, trigger, agent, patient, counterpart) with canonical names
CASES = [
    ("de-sale-an", "de", "Siemens verkauft seine Sparte Healthineers an Bosch.", "verkauft",
     "Siemens", "Siemens Healthineers", "Robert Bosch"),
    ("de-sale-an-investor", "de", "Bayer verkauft das Geschäft an den Finanzinvestor KKR.",
     "verkauft", "Bayer", None, "KKR"),
    ("de-active", "de", "SAP übernimmt den Softwareanbieter Celonis.", "übernimmt",
     "SAP", "Celonis", None),
    ("de-passive", "de", "Celonis wird von SAP übernommen.", "übernommen",
     "SAP", "Celonis", None),
    ("de-passive-soll", "de", "Die Commerzbank soll von Unicredit übernommen werden.",
     "übernommen", "UniCredit", "Commerzbank", None),
    ("de-passive-wurde", "de", "Covestro wurde im Oktober vom Ölkonzern Adnoc übernommen.",
     "übernommen", "Adnoc", "Covestro", None),
    ("de-nominal", "de", "Die Übernahme von Celonis durch SAP soll im Juni abgeschlossen werden.",
     "Übernahme", "SAP", "Celonis", None),
    ("de-nominal-subject", "de", "SAP kündigte die Übernahme von Celonis an.", "Übernahme",
     "SAP", "Celonis", None),
    ("de-inverted", "de", "Im Juni übernahm Siemens den Zulieferer Leoni.", "übernahm",
     "Siemens", "Leoni", None),
    ("de-perfect", "de", "Siemens hat den Softwareanbieter Altair übernommen.", "übernommen",
     "Siemens", "Altair", None),
    ("de-buy-von", "de", "BASF kauft von Bayer das Saatgutgeschäft.", "kauft",
     "BASF", None, "Bayer"),
    ("de-apposition", "de",
     "Meta Platforms, das Unternehmen hinter Facebook, will Datenzentren an Blackstone verkaufen.",
     "verkaufen", "Meta Platforms", None, "Blackstone"),
    ("de-relative-main", "de",
     "Siemens, das im Vorjahr Altair übernommen hatte, verkauft nun Anteile an der Allianz.",
     "verkauft", "Siemens", "Allianz", None),
    ("de-relative-trigger", "de",
     "Siemens, das im Vorjahr den Softwareanbieter Altair übernommen hatte, wächst.",
     "übernommen", "Siemens", "Altair", None),
    ("de-merger", "de", "Daimler Truck und Volvo fusionieren ihr Busgeschäft.", "fusionieren",
     "Daimler Truck", "Volvo", None),
    ("de-merger-mit", "de", "Bosch fusioniert mit ZF.", "fusioniert",
     "Robert Bosch", "ZF Friedrichshafen", None),
    ("de-stake-an", "de", "Unicredit erhöht ihre Beteiligung an der Commerzbank.", "erhöht",
     "UniCredit", "Commerzbank", None),
    ("de-invest-in", "de", "Nvidia investiert zwei Milliarden Dollar in Anthropic.", "investiert",
     "Nvidia", "Anthropic", None),
    ("de-anaphor-agent", "de", "Siemens meldet Zahlen. Der Konzern verkauft seine Logistiksparte an DHL.",
     "verkauft", "Siemens", None, "Deutsche Post"),
    ("en-sale-to", "en", "Siemens sells its Healthineers unit to Bosch.", "sells",
     "Siemens", "Siemens Healthineers", "Robert Bosch"),
    ("en-active", "en", "Microsoft acquired Activision Blizzard Inc. for $69 billion.", "acquired",
     "Microsoft", "Activision Blizzard", None),
    ("en-passive", "en", "Activision Blizzard Inc. was acquired by Microsoft.", "acquired",
     "Microsoft", "Activision Blizzard", None),
    ("en-reduced-relative", "en", "Activision Blizzard Inc., bought by Microsoft in 2023, is growing.",
     "bought", "Microsoft", "Activision Blizzard", None),
    ("en-nominal-possessive", "en", "Microsoft's acquisition of Activision Blizzard Inc. closed.",
     "acquisition", "Microsoft", "Activision Blizzard", None),
    ("en-nominal-by", "en", "The acquisition of Acme Corp. by Siemens was approved.", "acquisition",
     "Siemens", "Acme", None),
    ("en-buy-from", "en", "BASF buys the seed business from Bayer.", "buys", "BASF", None, "Bayer"),
    ("en-agree-to-buy", "en", "Apple agreed to buy Acme Corp. for $2 billion.", "buy",
     "Apple", "Acme", None),
    ("en-invest-in", "en", "Nvidia invested $2 billion in Anthropic.", "invested",
     "Nvidia", "Anthropic", None),
    ("en-merge-with", "en", "Volkswagen said it would merge with Porsche.", "merge",
     "Volkswagen", "Porsche", None),
    ("en-sell-to-firm", "en", "Bayer will sell the unit to private equity firm Blackstone.", "sell",
     "Bayer", None, "Blackstone"),
    ("en-apposition", "en",
     "Meta Platforms, the company behind Facebook, plans to sell data centers to Blue Owl Capital.",
     "sell", "Meta Platforms", None, "Blue Owl Capital"),
    ("en-passive-being", "en", "Globex Inc. is being bought by Acme Corp.", "bought",
     "Acme", "Globex", None),
    ("en-passive-sold", "en", "Globex Inc. was sold to Acme Corp. last year.", "sold",
     None, "Globex", "Acme"),
    ("en-noun-after-aux", "en", "Volkswagen is exploring a sale of its charging unit.", "sale",
     "Volkswagen", None, None),
    ("de-noun-after-aux", "de", "Volkswagen prüft einen Verkauf der Ladesparte an Iberdrola.",
     "Verkauf", "Volkswagen", None, "Iberdrola"),
    ("de-future-active", "de", "Siemens wird Celonis von Bosch übernehmen.", "übernehmen",
     "Siemens", "Celonis", "Robert Bosch"),
]


def _name(span):
    return None if span is None else span._.value.name


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "agent", "patient", "counterpart"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_roles(nlps, lang, text, trigger, agent, patient, counterpart):
    doc = nlps[lang](text)
    start = text.index(trigger)
    trig = doc.char_span(start, start + len(trigger))
    roles = assign_roles(trig.sent, trig, list(doc.spans["companies"]), lang)
    assert (_name(roles.agent), _name(roles.patient), _name(roles.counterpart)) == (
        agent, patient, counterpart
    )


def test_no_companies_no_roles(nlp_de):
    doc = nlp_de("Der Verkauf ist abgeschlossen.")
    trig = doc[1:2]
    assert assign_roles(trig.sent, trig, [], "de") == Roles()


def test_only_companies_of_the_sentence(nlp_en):
    doc = nlp_en("Siemens reported results. Acme Corp. bought Globex Inc.")
    trig = next(t for t in doc if t.text == "bought")
    span = doc[trig.i : trig.i + 1]
    roles = assign_roles(span.sent, span, list(doc.spans["companies"]), "en")
    assert (_name(roles.agent), _name(roles.patient)) == ("Acme", "Globex")


def test_nominal_flag_overrides_guess(nlp_en):
    doc = nlp_en("The purchase of Globex Inc. by Acme Corp. closed.")
    trig = doc[1:2]
    roles = assign_roles(trig.sent, trig, list(doc.spans["companies"]), "en", nominal=True)
    assert (_name(roles.agent), _name(roles.patient)) == ("Acme", "Globex")
