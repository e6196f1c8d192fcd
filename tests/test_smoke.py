import eventx


def test_pipeline_has_eventx_components():
    nlp = eventx.load("de")
    assert [n for n in nlp.pipe_names if n.startswith("eventx_")] == [
        "eventx_sentences",
        "eventx_amounts",
        "eventx_companies",
        "eventx_events",
    ]
    assert eventx.load("de") is nlp
