"""The ``eventx_companies`` component: spans, values, main company, use in other pipelines,
and the optional statistical model's ORG entities."""

import re

import pytest
import spacy

import eventx
from eventx import pipeline
from eventx.schema import Company

ARTICLE = (
    "Google-Mutter Alphabet will Rechenzentren abgeben\n"
    "Der Internetkonzern Alphabet will sich von einem Teil seiner Rechenzentren trennen. "
    "Wie das Unternehmen mitteilte, sollen die Anlagen an die Nordlicht Infrastruktur GmbH "
    "gehen. Parallel dazu plant der Konzern Investitionen in Deutschland. "
    "Finanzchefin Ruth Porat sprach von einem guten Geschäft, wie Reuters berichtete."
)


@pytest.fixture(scope="module")
def doc():
    return eventx.load("de")(ARTICLE)


def test_spans_sorted_non_overlapping_with_values(doc):
    spans = list(doc.spans["companies"])
    assert spans == sorted(spans, key=lambda s: s.start)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    assert all(isinstance(s._.value, Company) for s in spans)
    assert {s.label_ for s in spans} == {"ORG", "ANAPHOR"}


def test_article_mentions(doc):
    found = [(s.label_, s.text, s._.value.name) for s in doc.spans["companies"]]
    assert found == [
        ("ORG", "Alphabet", "Alphabet"),
        ("ORG", "Alphabet", "Alphabet"),
        ("ANAPHOR", "seiner", "Alphabet"),
        ("ANAPHOR", "das Unternehmen", "Alphabet"),
        ("ORG", "Nordlicht Infrastruktur GmbH", "Nordlicht Infrastruktur"),
        ("ANAPHOR", "der Konzern", "Alphabet"),
    ]


def test_anaphor_value_keeps_mention(doc):
    anaphor = next(s for s in doc.spans["companies"] if s.text == "der Konzern")
    assert anaphor._.value == Company(
        name="Alphabet", mention="der Konzern", ticker="GOOGL", isin="US02079K1079"
    )


def test_main_company(doc):
    assert doc._.main_company.name == "Alphabet"


def test_offsets_index_the_text(doc):
    for span in doc.spans["companies"]:
        assert ARTICLE[span.start_char : span.end_char] == span.text


def test_empty_and_companyless_docs():
    nlp = eventx.load("en")
    for text in ["", "   ", "Markets were calm on Friday."]:
        doc = nlp(text)
        assert list(doc.spans["companies"]) == []
        assert doc._.main_company is None


def test_factory_in_a_users_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("eventx_sentences")
    nlp.add_pipe("eventx_companies")
    doc = nlp("Siemens AG sold the unit to Acme Corp. The company said the deal closed.")
    assert [(s.label_, s._.value.name) for s in doc.spans["companies"]] == [
        ("ORG", "Siemens"), ("ORG", "Acme"), ("ANAPHOR", "Siemens")
    ]


def test_component_is_built_once():
    nlp = eventx.load("en")
    assert eventx.load("en").get_pipe("eventx_companies") is nlp.get_pipe("eventx_companies")


def _tiny_model(tmp_path, lang, patterns):
    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    path = tmp_path / f"tiny_{lang}"
    nlp.to_disk(path)
    return str(path)


def test_statistical_model_org_entities_are_candidates(tmp_path):
    model = _tiny_model(tmp_path, "en", [
        {"label": "ORG", "pattern": "Zentrix Quorn"},
        {"label": "ORG", "pattern": "Reuters"},
        {"label": "PERSON", "pattern": "Dana Whitfield"},
        {"label": "ORG", "pattern": [{"LOWER": "the"}, {"TEXT": "Halvorsen"}]},
    ])
    nlp = pipeline.build("en", model=model)
    assert nlp.pipe_names[0] == "eventx_sentences"
    assert "entity_ruler" in nlp.pipe_names
    text = ("Zentrix Quorn agreed to buy the Halvorsen unit from Siemens, Dana Whitfield "
            "told Reuters.")
    doc = nlp(text)
    assert [(s.text, s._.value.name) for s in doc.spans["companies"] if s.label_ == "ORG"] == [
        ("Zentrix Quorn", "Zentrix Quorn"),
        ("Halvorsen", "Halvorsen"),
        ("Siemens", "Siemens"),
    ]
    # without the model the unknown names are not found, nothing else changes
    plain = pipeline.build("en")(text)
    assert [s.text for s in plain.spans["companies"]] == ["Siemens"]


def test_model_through_extractor(tmp_path):
    model = _tiny_model(tmp_path, "de", [{"label": "ORG", "pattern": "Quellwerk"}])
    ex = eventx.Extractor(lang="de", model=model)
    doc = ex.doc("Quellwerk verkauft sein Werk an Bosch.")
    assert [s._.value.name for s in doc.spans["companies"] if s.label_ == "ORG"] == [
        "Quellwerk", "Robert Bosch"
    ]


def test_model_language_mismatch(tmp_path):
    model = _tiny_model(tmp_path, "en", [{"label": "ORG", "pattern": "Acme"}])
    with pytest.raises(ValueError, match="'en'"):
        pipeline.build("de", model=model)


def test_model_with_eventx_components_is_not_doubled(tmp_path):
    nlp = pipeline.build("en")
    path = tmp_path / "saved"
    nlp.to_disk(path)
    again = pipeline.build("en", model=str(path))
    assert again.pipe_names.count("eventx_companies") == 1


@pytest.mark.parametrize(
    ("lang", "text", "short", "full"),
    [
        ("de", "Autozulieferer Brenner streicht 1.200 Stellen\nDie Brenner Antriebstechnik AG "
               "baut in Schweinfurt rund 1.200 Arbeitsplätze ab.", "Brenner",
         "Brenner Antriebstechnik"),
        ("en", "Shipbuilder Calloway cuts 900 jobs\nCalloway Marine Holdings plc said it would "
               "close its yard in Hull.", "Calloway", "Calloway Marine Holdings"),
    ],
    ids=["de-headline-short", "en-headline-short"],
)
def test_short_name_of_an_unknown_company_takes_its_full_name(lang, text, short, full):
    doc = eventx.load(lang)(text)
    names = {s.text: s._.value.name for s in doc.spans["companies"] if s.label_ == "ORG"}
    assert names[short] == full


@pytest.mark.parametrize(
    "text",
    [
        "seine Tochter, ihre Bank und seinem Konzern",
        "Bewusstseine-seine Xseine _ihre ihrer-Sparte (ihren) seines.seiner",
        "seinerzeit ihr ihre",
        "ihreihre seine seine",
        "",
    ],
)
def test_possessives_split_by_first_character_finds_the_same(text):
    """The German possessives are searched as one pattern per first letter ("sein...",
    "ihr..."); that finds what the search of the whole alternation finds."""
    from eventx.components.companies import _standalone, _standalone_any

    finder = pipeline.load("de").get_pipe("eventx_companies")
    assert finder.possessive_parts is not None and len(finder.possessive_parts) == 2
    spans = [m.span() for m in _standalone(finder.possessive_re, text)]
    assert [m.span() for m in _standalone_any(finder.possessive_parts, text)] == spans


@pytest.mark.parametrize(
    "words",
    [
        ["der", "die", "das", "dem", "den", "des"],
        ["konzern", "bank", "start-up", "institut", "kette", "firma", "-up", "sie", "ist"],
        ["country's", "e-commerce", "steel", "swiss", "iphone", "oil", "internet", "kit"],
        ["über", "unternehmen"],  # a word beginning with other than ASCII
    ],
)
def test_ignore_case_matches_as_a_case_insensitive_alternation(words):
    from eventx.components.companies import _alternation, _ignore_case

    plain = re.compile("(?i:" + _alternation(words) + ")")
    grouped = re.compile(_ignore_case(words))
    text = (
        "Der DIE dAs des Konzern KONZERN Bank Start-UP Institut İnstitut ınstitut Kette "
        "\u212aette Firma firmas ſie SIE iſt country's Country’s E-Commerce ſteel Swiss "
        "IPHONE Oil internet \u212ait Über ÜBER über unternehmen"
    )
    for start in range(len(text)):
        a, b = plain.match(text, start), grouped.match(text, start)
        assert (a and a.group()) == (b and b.group()), text[start:]


def test_legal_forms_found_with_the_register_or_by_a_matcher_of_their_own():
    """The register's matcher finds the legal forms too, unless a legal form has the tokens
    of spellings of several entries; either way the same companies are found."""
    from eventx.companies.register import CompanyRegister
    from eventx.components.companies import CompanyFinder

    text = "Die Beispiel Logistik GmbH & Co. KG und die Nordlicht AG melden Gewinne. Bancorp."
    plain = CompanyRegister(stocks=[])
    clash = CompanyRegister(stocks=[])
    clash._forms["Bancorp"] = 0  # "Bancorp" is also a legal form
    clash._forms["Bancorp "] = 1  # the same tokens, another entry
    found = []
    for reg in (plain, clash):
        nlp = spacy.blank("de")
        finder = CompanyFinder(nlp, company_register=reg)
        assert (finder.legal is None) == (reg is plain)
        doc = finder(nlp(text))
        found.append([(s.text, s._.value.name) for s in doc.spans["companies"]
                      if s.text != "Bancorp"])
    assert found[0] == found[1] == [
        ("Beispiel Logistik GmbH & Co. KG", "Beispiel Logistik"), ("Nordlicht AG", "Nordlicht")
    ]


def _assert_same_matches(rx: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    """``rx`` and its plain form match the same, with the same groups, at every position."""
    for start in range(len(text)):
        a, b = rx.match(text, start), plain.match(text, start)
        assert (a and a.groupdict()) == (b and b.groupdict()), text[start:]


def test_head_word_look_ahead_changes_no_german_anaphor():
    """The look-ahead before a head word only rules out words that cannot be one."""
    finder = pipeline.load("de").get_pipe("eventx_companies")
    pattern = finder.anaphor_re.pattern
    look = pattern.index(r"(?=[\w-]*+")
    head = pattern.index("(?P<head>")
    plain = re.compile(pattern[:look] + pattern[head:])
    text = (
        "Der Konzern, des Konzerns, dem Autokonzern, der Zulieferer Müller hat, die neue "
        "Strategie des Unternehmens, die Entscheidung der Aufsichtsbehörde, des Start-ups, "
        "der Mitarbeiter, die Banken, der Bank, die Versicherung, der KONZERN, des Instituts, "
        "das Start-up Foo, der Versicherer Allianz, die Kette, die Firmas, dem Discounter, "
        "die Fluggesellschaftes, der Münchner Technologiekonzern, die Holdings, das Institut"
    )
    _assert_same_matches(finder.anaphor_re, plain, text)


def test_possessive_hyphenated_modifier_changes_no_english_anaphor():
    finder = pipeline.load("en").get_pipe("eventx_companies")
    pattern = finder.anaphor_re.pattern
    assert r"[\w']++(?:-[\w']++)+" in pattern
    plain = re.compile(pattern.replace(r"[\w']++(?:-[\w']++)+", r"[\w']+(?:-[\w']+)+"))
    text = (
        "the Munich-based group, the company said, the London-based payments start-up, "
        "the state-owned lender's plan, the so-called - group, the e-commerce giant, "
        "The Redmond, Washington-based company, the chip-maker-to-be firm, the US-based "
        "the iPhone maker, the world's biggest drugmaker, the long-term-group"
    )
    _assert_same_matches(finder.anaphor_re, plain, text)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("de", "Der Konzern und der Autobauer: DER KONZERN, dEr Konzern, oder der Bank, "
               "Wieder der Konzern. Die Firma Die neue Firma des Konzerns, xder Konzern"),
        ("en", "The company said the group, The firm and the bank; other the maker, "
               "the the company. THE company, tThe group, the Munich-based group"),
    ],
)
def test_anaphor_pattern_split_by_first_character_finds_the_same(lang, text):
    from eventx.components.companies import _standalone, _standalone_any

    finder = pipeline.load(lang).get_pipe("eventx_companies")
    assert finder.anaphor_parts is not None and len(finder.anaphor_parts) > 1
    whole = [(m.span(), m.groupdict()) for m in _standalone(finder.anaphor_re, text)]
    parts = [(m.span(), m.groupdict()) for m in _standalone_any(finder.anaphor_parts, text)]
    assert parts == whole and whole


def test_split_by_first_character_matches_as_the_alternation():
    from eventx.components.companies import _by_first_character, _ignore_case

    words = ["ist", "sie", "kit", "der", "-up", "in"]
    text = "ist İst ıst IST iſt ſie SIE kit \u212ait der DER -up -UP in İn"
    for ignore_case in (False, True):
        whole = re.compile(_ignore_case(words) if ignore_case else "|".join(words))
        parts = [re.compile(p) for p in _by_first_character(words, ignore_case)]
        for start in range(len(text)):
            a = whole.match(text, start)
            found = [m.group() for m in (p.match(text, start) for p in parts) if m]
            assert len(found) <= 1
            assert (a and a.group()) == (found[0] if found else None), text[start:]
