"""The HTTP API and the map page (`marsad serve`)."""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    # FastAPI loads only when the app is asked for, not for every `marsad` command
    if name == "create_app":
        from marsad.server.app import create_app

        return create_app
    raise AttributeError(name)
