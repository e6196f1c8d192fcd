"""HTML rendering of events: table, highlighted evidence, escaping."""

from decimal import Decimal

import pytest

import eventx
from eventx.render import find_marks, format_money, render, render_event, text_table
from eventx.schema import Company, Evidence, Horizon, Money
from eventx.schema.events import Acquisition, AssetSale

TEXT = (
    "Vorspann. Meta will Rechenzentren für 2,04 Milliarden Dollar innerhalb der nächsten "
    "zwölf Monate verkaufen. Metall wird nicht verkauft."
)
SENTENCE = TEXT[10:107]


def sale(text: str = TEXT, start: int = 10, end: int = 107, **kw) -> AssetSale:
    fields = dict(
        company=Company(name="Meta Platforms", mention="Meta"),
        status="planned",
        evidence=Evidence(text=text[start:end], start=start, end=end),
        lang="de",
        confidence=0.9,
        asset="Rechenzentren",
        amount=Money(value=Decimal("2040000000"), currency="USD", text="2,04 Milliarden Dollar"),
        horizon=Horizon(text="innerhalb der nächsten zwölf Monate", duration="P12M"),
    )
    fields.update(kw)
    return AssetSale(**fields)


def test_sentence_is_the_evidence():
    assert SENTENCE.startswith("Meta will") and SENTENCE.endswith("verkaufen.")


def test_marks_company_amount_and_horizon():
    marks = find_marks(SENTENCE, [sale()])
    got = [(SENTENCE[m.start : m.end], m.label, m.kind) for m in marks]
    assert got == [
        ("Meta", "company", "company"),
        ("2,04 Milliarden Dollar", "amount", "money"),
        ("innerhalb der nächsten zwölf Monate", "horizon", "horizon"),
    ]


def test_marks_whole_words_only():
    marks = find_marks("Metall und Metadaten, nicht Meta.", [sale()])
    assert [(m.start, m.end) for m in marks] == [(28, 32)]


def test_marks_tolerate_other_white_space():
    sentence = "Meta verkauft für 2,04\u00a0Milliarden Dollar."
    marks = find_marks(sentence, [sale()])
    assert [sentence[m.start : m.end] for m in marks] == ["Meta", "2,04\u00a0Milliarden Dollar"]


def test_marks_other_parties():
    ev = Acquisition(
        company=Company(name="Novartis", mention="Novartis"),
        target=Company(name="Cardiavance Therapeutics", mention="Cardiavance"),
        status="announced",
        evidence=Evidence(text="Novartis kauft Cardiavance.", start=0, end=27),
        lang="de",
        confidence=0.8,
    )
    marks = find_marks(ev.evidence.text, [ev])
    assert [(m.label, m.kind) for m in marks] == [("company", "company"), ("target", "party")]


def test_render_table_and_sentence():
    html = render(TEXT, [sale()])
    assert html.startswith('<div class="eventx-render">') and html.endswith("</div>")
    assert "<table>" in html and "asset_sale" in html and "Meta Platforms" in html
    assert "2.04 bn USD" in html and "P12M" in html
    assert '<mark class="money" title="amount">2,04 Milliarden Dollar' in html
    assert "10–107" in html
    assert "<script" not in html


def test_render_groups_events_of_one_sentence():
    a, b = sale(), sale(status="announced")
    html = render(TEXT, [a, b])
    assert html.count('class="eventx-sentence"') == 1
    assert "[1, 2]" in html


def test_render_without_text_uses_evidence():
    assert render(None, [sale()]) == render_event(sale())


def test_render_rejects_the_wrong_text():
    with pytest.raises(ValueError, match="not in this text"):
        render("something else entirely " * 10, [sale()])


def test_render_empty():
    assert "No events" in render(TEXT, [])


def test_everything_is_escaped():
    nasty = 'Evil<script>alert("x")</script> & Co will <b>alles</b> für 5 Mio. € verkaufen.'
    ev = sale(
        text=nasty,
        start=0,
        end=len(nasty),
        company=Company(name='<img src=x onerror="alert(1)">', mention="Evil<script>"),
        asset="<i>alles</i>",
        amount=Money(value=Decimal("5000000"), currency="EUR", text="5 Mio. €"),
        horizon=None,
    )
    html = render(nasty, [ev])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&amp; Co" in html


def test_event_repr_html_is_the_renderer():
    ev = sale()
    assert ev._repr_html_() == render_event(ev)


def test_public_name():
    assert eventx.render is render


@pytest.mark.parametrize(
    ("money", "shown"),
    [
        (Money(value=Decimal("2040000000"), currency="USD", text="x"), "2.04 bn USD"),
        (Money(value=Decimal("640000000"), currency="EUR", text="x"), "640 m EUR"),
        (Money(value=Decimal("1.25"), currency="EUR", text="x"), "1.25 EUR"),
        (Money(value=Decimal("12000"), currency="CHF", text="x"), "12,000 CHF"),
        (
            Money(value=Decimal("1e11"), currency="USD", text="x", approximate=True,
                  low=Decimal("1e11"), high=Decimal("9.99e11")),
            "≈ 100 bn–999 bn USD",
        ),
        (Money(value=Decimal("2e9"), currency="EUR", text="x", approximate=True), "≈ 2 bn EUR"),
    ],
    ids=["billions", "millions", "cents", "thousands", "range", "approximate"],
)
def test_format_money(money, shown):
    assert format_money(money) == shown


def test_text_table():
    table = text_table([sale()])
    assert table.startswith(" 1. asset_sale | Meta Platforms | planned | - | asset: Rechenzentren")
    assert text_table([]) == "(no events)"
