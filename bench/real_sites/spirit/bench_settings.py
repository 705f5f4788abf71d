# Spirit's generated project settings (forum/settings/base.py) for the proving ground: SQLite, no DEBUG
# (a visitor sees the real error pages), mail to the console (the server log), served on 127.0.0.1:8851.
# up.sh copies this file to .work/project/forum/settings/bench.py.
import os

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = os.environ["SPIRIT_SECRET_KEY"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(BASE_DIR, "db.sqlite3"),  # noqa: F405
    }
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Riverside Gardeners' Forum <forum@example.test>"
ST_SITE_URL = "http://127.0.0.1:8851/"
# The per-user rate limits (5 sign-ins in 5 minutes, one post in 10 s) would block a bench run's
# repeated scenarios; everything else is Spirit's default.
ST_RATELIMIT_ENABLE = False
LOGGING["loggers"][""]["handlers"] = ["console"]  # noqa: F405
LOGGING["loggers"]["django"]["handlers"] = ["console"]  # noqa: F405
