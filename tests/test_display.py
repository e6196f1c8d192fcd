"""EventList and show: events in notebooks and terminals."""

import json

import pytest

import eventx
from eventx.schema import EVENT_LIST_ADAPTER

TEXT = ("Volkswagen will seine Ladesparte für 1,2 Milliarden Euro verkaufen. Der Konzern will "
        "den Verkauf innerhalb der nächsten zwölf Monate abschließen.")


@pytest.fixture(scope="module")
def events():
    return eventx.extract(TEXT, lang="de")


def test_event_list_is_a_list(events):
    el = eventx.EventList(events, text=TEXT)
    assert el == events and isinstance(el, list) and len(el) == len(events)
    assert json.loads(EVENT_LIST_ADAPTER.dump_json(el)) == json.loads(
        EVENT_LIST_ADAPTER.dump_json(events)
    )


def test_event_list_html(events):
    el = eventx.EventList(events, text=TEXT)
    assert el._repr_html_() == eventx.render(TEXT, events)


def test_event_list_to_frame(events):
    df = eventx.EventList(events).to_frame()
    assert list(df["type"]) == ["asset_sale"]


def test_event_list_of_explanations():
    xs = eventx.explain(TEXT, lang="de")
    el = eventx.EventList.of(xs)
    assert list(el) == [x.event for x in xs] and el.explanations == xs


def test_show_prints_a_table_outside_notebooks(events, capsys):
    eventx.show(events)
    out = capsys.readouterr().out
    assert out.startswith(" 1. asset_sale | Volkswagen | planned")


def test_show_single_event_and_explanations(events, capsys):
    eventx.show(events[0])
    assert "asset_sale" in capsys.readouterr().out
    eventx.show(eventx.explain(TEXT, lang="de"))
    assert "read from" in capsys.readouterr().out


def test_show_rejects_other_things():
    with pytest.raises(TypeError, match="str"):
        eventx.show(["not an event"])


def test_show_displays_html_under_ipython(events, monkeypatch):
    pytest.importorskip("IPython")
    import IPython
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    eventx.show(events, text=TEXT)
    assert len(shown) == 1 and shown[0].data == eventx.render(TEXT, events)
