from datetime import date

import pytest

from eventx.normalize.period import normalize_period

PUB = date(2025, 8, 7)


@pytest.mark.parametrize(
    "value,context,published,past,expected",
    [
        pytest.param("Q2", "", PUB, True, "Q2 2025", id="q2-reported-after-quarter"),
        pytest.param("Q3", "", PUB, True, "Q3 2024", id="q3-not-ended-yet-means-last-year"),
        pytest.param("Q4", "", date(2026, 2, 20), True, "Q4 2025", id="q4-reported-in-february"),
        pytest.param("FY", "", date(2026, 3, 5), True, "2025", id="fy-reported"),
        pytest.param("FY", "", PUB, False, "2025", id="fy-forecast-current-year"),
        pytest.param("Q1", "", date(2025, 11, 2), False, "Q1 2026", id="q1-forecast-next"),
        pytest.param("H1", "", PUB, True, "H1 2025", id="h1-reported"),
        pytest.param("9M", "", date(2025, 11, 5), True, "9M 2025", id="nine-months"),
        pytest.param("Q2", "im zweiten Quartal 2024 sank", PUB, True, "Q2 2024", id="year-in-sentence"),
        pytest.param("FY", "for 2026 the group expects", PUB, False, "2026", id="forecast-year-in-sentence"),
        pytest.param("Q2", "Umsatz von 2025 Mio. Euro", None, True, "Q2 2025", id="no-published-year-in-text"),
        pytest.param("Q2", "", None, True, "Q2", id="no-year-anywhere"),
        pytest.param("Q2 2025", "", None, True, "Q2 2025", id="as-written"),
        pytest.param("Q2/25", "", None, True, "Q2 2025", id="short-year"),
        pytest.param("FY25", "", None, True, "2025", id="fy-short"),
        pytest.param("2024/25", "", PUB, True, "2024/25", id="fiscal-split-year"),
        pytest.param("2025", "", PUB, True, "2025", id="year"),
        pytest.param("Q2", "seit 1998 im Geschäft", PUB, True, "Q2 2025", id="implausible-year-ignored"),
    ],
)
def test_normalize_period(value, context, published, past, expected):
    assert normalize_period(value, context, published, past=past) == expected
