import pytest

import eventx


def sentences(text, lang):
    return [s.text.strip() for s in eventx.load(lang)(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("Der Konzern will 2,04 Mrd. Euro investieren. Die Aktie stieg.", 2, id="mrd"),
        pytest.param("Der Umsatz lag bei 5 Mio. Euro und stieg z. B. in Asien. Dann kam die Wende.", 2, id="mio-zb"),
        pytest.param("Der Vertrag gilt ab dem 31. Juli 2025. Danach folgt die Prüfung.", 2, id="date"),
        pytest.param("Laut Dr. Müller ist Nr. 1 im Markt gefragt. Das Unternehmen schweigt.", 2, id="dr-nr"),
        pytest.param("Die Zahlen kommen im 3. Quartal. Sie sollen gut sein.", 2, id="ordinal-quarter"),
        pytest.param("Das Geschäftsjahr endete 2025. Der Konzern wuchs.", 2, id="year-end"),
        pytest.param("Der Vorstand sagte: „Wir prüfen das.“ Danach fiel die Aktie.", 2, id="quote"),
        pytest.param("Schlagzeile ohne Punkt\nDer erste Satz folgt hier.", 2, id="headline"),
        pytest.param("Ratschläge\n- Punkt eins\n- Punkt zwei", 3, id="list"),
        pytest.param("Die Firma Brenner & Söhne GmbH & Co. KG wächst. Sie stellt ein.", 2, id="co-kg"),
    ],
)
def test_german_boundaries(text, expected):
    assert len(sentences(text, "de")) == expected, sentences(text, "de")


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("Apple Inc. said on Jan. 5 it would pay $2.04bn. The U.S. group declined.", 2, id="inc-jan"),
        pytest.param("The deal was agreed with Acme Corp. The shares rose.", 2, id="corp-end"),
        pytest.param("Mr. Smith, the CFO, said revenue rose 5%. Analysts were surprised.", 2, id="mr"),
        pytest.param("He said: \"We will sell.\" Then he left.", 2, id="quote"),
        pytest.param("Headline without a period\nThe first sentence.", 2, id="headline"),
        pytest.param("Headline without a period\r\nThe first sentence.\r\nThe second.", 3, id="crlf"),
        pytest.param("Headline without a period\rThe first sentence.\rThe second.", 3, id="cr-only"),
        pytest.param("The group said it would sell\rits unit.", 1, id="cr-wrapped-line"),
    ],
)
def test_english_boundaries(text, expected):
    assert len(sentences(text, "en")) == expected, sentences(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Der Konzern will 2,04 Mrd. Euro investieren.  Die Aktie stieg.",
        "Er sagte: „Wir prüfen das.“ \u00a0 Danach fiel die Aktie!?\tDann\n\n  kam  die Wende…",
        'He said: "We will sell." )\r\n  Then he left ...   ',
        "  \n Zeile\r\nzwei\rdrei \u2009 vier\u202f.  ",
        "a" + " " * 5 + "b\t\t c \n",
    ],
)
def test_token_texts_read_from_the_text_are_the_tokens(text):
    """The splitter reads token texts from the text and the token starts: they must be the
    tokens' own texts, and white space exactly where the tokens are space tokens."""
    from spacy.attrs import IDX

    from eventx.components.sentences import _token_text

    doc = eventx.load("de").make_doc(text)
    idx = doc.to_array(IDX).tolist() + [len(text)]
    read = [_token_text(text, idx, j) for j in range(len(doc))]
    words = [t.text for t in doc if not t.is_space]
    assert [r for r, t in zip(read, doc, strict=True) if not t.is_space] == words
    assert [r.isspace() for r in read] == [t.is_space for t in doc]
