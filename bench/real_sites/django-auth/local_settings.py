"""Appended to the generated settings: production-like (no debug pages), local only, mail to the console."""
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "webmaster@localhost"
LOGIN_REDIRECT_URL = "/admin/"
