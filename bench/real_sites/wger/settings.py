"""wger's settings for the proving ground: SQLite and mail files under .work/, static files from npm, DEBUG off."""
import os
from pathlib import Path

from wger.settings_global import *  # noqa: F401,F403

WORK = Path(os.environ["WGER_WORK"])
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = (WORK / "secret_key").read_text()
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(WORK / "database.sqlite")}}
TIME_ZONE = "Europe/London"
SITE_URL = "http://127.0.0.1:8891"
MEDIA_ROOT = str(WORK / "media")
MEDIA_URL = "/media/"
# The npm packages wger's templates load as static/yarn/... (up.sh installs them with npm and compiles the CSS).
STATICFILES_DIRS = [("yarn", str(WORK / "static" / "node_modules")), ("yarn", str(WORK / "static" / "built"))]
STATIC_ROOT = str(WORK / "collected")
# Mail is written to files, one a message; nothing reaches the network.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(WORK / "mail")
WGER_SETTINGS["EMAIL_FROM"] = "Riverside Fitness <fitness@example.test>"  # noqa: F405
DEFAULT_FROM_EMAIL = WGER_SETTINGS["EMAIL_FROM"]  # noqa: F405
EMAIL_FROM_ADDRESS = DEFAULT_FROM_EMAIL
EMAIL_PAGE_DOMAIN = SITE_URL + "/"
RECAPTCHA_PUBLIC_KEY = ""
RECAPTCHA_PRIVATE_KEY = ""
SILENCED_SYSTEM_CHECKS = ["captcha.recaptcha_test_key_error"]
COMPRESS_ROOT = STATIC_ROOT
COMPRESS_ENABLED = False
ROOT_URLCONF = "bench_urls"
