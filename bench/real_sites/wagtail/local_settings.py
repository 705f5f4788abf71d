"""Copied into the generated project as mysite/settings/local.py (dev.py imports it last):
production-like (no debug pages), local only, mail to the console, the contact app."""
from .base import INSTALLED_APPS

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["contact", *INSTALLED_APPS]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8802"
WAGTAIL_SITE_NAME = "Riverside Community Garden"
