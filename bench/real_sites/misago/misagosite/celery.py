"""Celery for Misago's tasks, run in the web process (no broker: CELERY_TASK_ALWAYS_EAGER in the settings)."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "misagosite.settings")
app = Celery("misagosite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
