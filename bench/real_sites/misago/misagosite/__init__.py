"""The proving ground's Misago project: the app made before any task is queued, so Misago's tasks run eagerly."""
from .celery import app as celery_app

__all__ = ["celery_app"]
