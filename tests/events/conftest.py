"""Fixtures of the event coder's tests (helpers live in event_helpers.py)."""

from __future__ import annotations

import pytest
from event_helpers import build


@pytest.fixture
def code():
    """Code a text with actors and places marked from the helper tables (see event_helpers.build)."""
    return build
