"""Anaphora ("der Konzern", "the Cupertino-based company", "seine", "its") and the main
company of a text."""

import pytest

# (id, lang, text, anaphor as written, its occurrence (0 = first), resolved canonical name)
CASES = [
    ("de-der-konzern", "de",
     "Siemens verkauft seine Sparte an Bosch. Der Konzern will damit Schulden abbauen.",
     "Der Konzern", 0, "Siemens"),
    ("de-seine", "de", "Siemens verkauft seine Sparte an Bosch.", "seine", 0, "Siemens"),
    ("de-apposition", "de",
     "Meta Platforms, das Unternehmen hinter Facebook, verfolgt eine neue Strategie.",
     "das Unternehmen", 0, "Meta Platforms"),
    ("de-genitive", "de",
     "Meta wächst kräftig. Die Werbung bestimmt die Einnahmen des Unternehmens.",
     "des Unternehmens", 0, "Meta Platforms"),
    ("de-dative", "de",
     "SAP hat in einer Mitteilung Stellung genommen. Das verschafft dem Unternehmen Spielraum.",
     "dem Unternehmen", 0, "SAP"),
    ("de-die-gesellschaft", "de",
     "Die Vonovia SE legte Zahlen vor. Die Gesellschaft will Wohnungen verkaufen.",
     "Die Gesellschaft", 0, "Vonovia"),
    ("de-place-adjective", "de",
     "BMW und Volkswagen planen eine Batterieallianz. Der Wolfsburger Konzern teilte mit, man sei zuversichtlich.",
     "Der Wolfsburger Konzern", 0, "Volkswagen"),
    ("de-munich", "de",
     "Adidas und Siemens melden Rekordumsätze. Der Münchner Konzern hebt die Prognose an.",
     "Der Münchner Konzern", 0, "Siemens"),
    ("de-compound-head", "de",
     "Alphabet will Rechenzentren verkaufen. Der Internetkonzern braucht Kapital.",
     "Der Internetkonzern", 0, "Alphabet"),
    ("de-subject-of-previous", "de",
     "Bosch kauft von Siemens eine Sparte. Der Konzern zahlt dafür 1 Mrd. Euro.",
     "Der Konzern", 0, "Robert Bosch"),
    ("de-main-fallback", "de",
     "SAP meldet Zahlen. Der Umsatz stieg. Die Marge sank. Die Aktie fiel. Die Prognose bleibt. "
     "Der Konzern will sparen.",
     "Der Konzern", 0, "SAP"),
    ("de-ihre", "de", "Die Allianz erhöht ihre Dividende.", "ihre", 0, "Allianz"),
    ("en-based", "en",
     "Apple Inc. agreed to buy Acme Corp. for $2 billion. The Cupertino-based company said the deal would close next year.",
     "The Cupertino-based company", 0, "Apple"),
    ("en-munich-based", "en",
     "Siemens AG and Bayer reported results. The Munich-based group raised its outlook.",
     "The Munich-based group", 0, "Siemens"),
    ("en-giant", "en", "Globex Inc. was acquired by Microsoft, the software giant said.",
     "the software giant", 0, "Microsoft"),
    ("en-iphone-maker", "en", "Apple cut prices in China. The iPhone maker faces new rivals.",
     "The iPhone maker", 0, "Apple"),
    ("en-the-company", "en",
     "SAP reported higher cloud revenue. The company said it would hire 1,000 engineers.",
     "The company", 0, "SAP"),
    ("en-its", "en", "Target Corp. raised its guidance.", "its", 0, "Target"),
    ("en-the-lender", "en",
     "HSBC will cut costs by $1.5 billion, the London-based lender said.",
     "the London-based lender", 0, "HSBC"),
    ("en-german-carmaker", "en",
     "Volkswagen reported weaker sales. The German carmaker blamed China.",
     "The German carmaker", 0, "Volkswagen"),
]


def _find(doc, text, occurrence):
    spans = [s for s in doc.spans["companies"] if s.label_ == "ANAPHOR" and s.text == text]
    assert len(spans) > occurrence, [(s.text, s.label_) for s in doc.spans["companies"]]
    return spans[occurrence]


@pytest.mark.parametrize(
    ("lang", "text", "anaphor", "occurrence", "name"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_anaphor_resolves(nlps, lang, text, anaphor, occurrence, name):
    span = _find(nlps[lang](text), anaphor, occurrence)
    assert span._.value.name == name
    assert span._.value.mention == anaphor


# (id, lang, text): no anaphor may be found
NO_ANAPHOR = [
    ("de-no-company", "de", "Der Konzern will die Kosten senken."),
    ("de-plural", "de", "SAP meldet Zahlen. Die Unternehmen der Branche leiden."),
    ("de-plural-genitive", "de", "SAP meldet Zahlen. Die Zahl der befragten Unternehmen stieg."),
    ("de-indefinite", "de", "SAP meldet Zahlen. Ein Unternehmen aus Bayern klagt."),
    ("de-descriptor", "de", "Der Konzern Siemens meldet Zahlen."),
    ("en-no-company", "en", "The company said it would cut costs."),
    ("en-descriptor", "en", "The company Acme Corp. said it would cut costs."),
    ("en-generic", "en", "SAP reported results. Every company needs software."),
]


@pytest.mark.parametrize(("lang", "text"), [c[1:] for c in NO_ANAPHOR], ids=[c[0] for c in NO_ANAPHOR])
def test_no_anaphor(nlps, lang, text):
    doc = nlps[lang](text)
    assert [s.text for s in doc.spans["companies"] if s.label_ == "ANAPHOR"] == []


# (id, lang, text, main company)
MAIN = [
    ("de-headline", "de",
     "Google-Mutter Alphabet will Rechenzentren abgeben\nDer Konzern nennt Blackstone als Käufer. "
     "Alphabet will Kapital freisetzen.", "Alphabet"),
    ("de-most-mentions", "de",
     "Bosch liefert an BMW. BMW baut ein Werk. BMW stellt 500 Leute ein.", "BMW"),
    ("en-first-on-tie", "en", "Acme Corp. and Globex Inc. signed a deal.", "Acme"),
    ("en-none", "en", "Markets were calm on Friday.", None),
]


@pytest.mark.parametrize(("lang", "text", "name"), [c[1:] for c in MAIN], ids=[c[0] for c in MAIN])
def test_main_company(nlps, lang, text, name):
    main = nlps[lang](text)._.main_company
    assert (main.name if main else None) == name
