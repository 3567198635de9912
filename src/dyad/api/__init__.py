"""The REST API over the event store (FastAPI, served by uvicorn): ``dyad serve``."""

from dyad.api.app import create_app

__all__ = ["create_app"]
