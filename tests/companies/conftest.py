import pytest

import eventx


@pytest.fixture(scope="session")
def nlp_de():
    return eventx.load("de")


@pytest.fixture(scope="session")
def nlp_en():
    return eventx.load("en")


@pytest.fixture(scope="session")
def nlps(nlp_de, nlp_en):
    return {"de": nlp_de, "en": nlp_en}
