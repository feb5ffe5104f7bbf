"""The HTTP API and the map page (`marsad serve`)."""

from __future__ import annotations

from marsad.server.app import create_app

__all__ = ["create_app"]
