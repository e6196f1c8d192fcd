"""Fixtures of the robustness tests (the shared checks are in ``robust_checks``)."""

from __future__ import annotations

import pytest

import eventx


@pytest.fixture(scope="session")
def nlps():
    """Both cached pipelines."""
    return {"de": eventx.load("de"), "en": eventx.load("en")}
