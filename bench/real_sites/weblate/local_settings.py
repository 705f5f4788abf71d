"""Weblate's settings for the proving ground (up.sh copies this to .work/settings/): Weblate's own example settings
with the database on the site's PostgreSQL (127.0.0.1:8992), Celery run in the web process (no broker, no worker),
an in-process cache, mail written to files in .work/mail and nothing that reaches the network (no avatars, no
Sentry, no font CDN)."""
import os

from weblate.settings_example import *  # noqa: F401,F403

WORK = os.environ["WEBLATE_WORK"]
PORT = os.environ.get("WEBLATE_PORT", "8991")

DEBUG = False
SITE_DOMAIN = f"127.0.0.1:{PORT}"
SITE_URL = f"http://{SITE_DOMAIN}"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = open(os.path.join(WORK, "secret")).read()
OTP_WEBAUTHN_RP_ID = "127.0.0.1"
OTP_WEBAUTHN_ALLOWED_ORIGINS = [SITE_URL]
ADMINS = (("Robin Hale", "admin@example.org"),)  # the contact form writes to them
ADMINS_CONTACT = ["admin@example.org"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "weblate",
        "USER": "weblate",
        "PASSWORD": "",
        "HOST": "127.0.0.1",
        "PORT": os.environ.get("WEBLATE_DB_PORT", "8992"),
        "OPTIONS": {},
        "CONN_MAX_AGE": 0,
    }
}

DATA_DIR = os.path.join(WORK, "data")
CACHE_DIR = os.path.join(WORK, "cache")
MEDIA_ROOT = os.path.join(DATA_DIR, "media")
STATIC_ROOT = os.path.join(CACHE_DIR, "static")
COMPRESS_ROOT = STATIC_ROOT
ROOT_URLCONF = "weblate_local_urls"  # Weblate's URLs and its collected static files (runserver without DEBUG)

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "weblate"},
    "avatar": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(CACHE_DIR, "avatar"),
    },
}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(WORK, "mail")
SERVER_EMAIL = DEFAULT_FROM_EMAIL = "noreply@example.org"

ENABLE_AVATARS = False
SENTRY_DSN = None
SUPPORT_STATUS_CHECK = False
# Every scenario comes from 127.0.0.1: Weblate's per-address limits (5 sign-ins in 5 minutes, 2 contact
# messages) would lock out the run's later scenarios, which a real person, on their own address, never meets.
RATELIMIT_ATTEMPTS = 1000
RATELIMIT_LANGUAGE_ATTEMPTS = 1000
RATELIMIT_MESSAGE_ATTEMPTS = 1000
# Passkeys want an https origin; this site is plain http on 127.0.0.1 (passkeys are not used here).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "otp_webauthn.E031"]  # noqa: F405
# Only the machine translation that stays on this machine: Weblate's own translation memory.
WEBLATE_MACHINERY = ("weblate.machinery.weblatetm.WeblateTranslation", "weblate.memory.machine.WeblateMemory")
# The seeded component clones a local repository (file://, .work/upstream.git).
VCS_FILE_PROTOCOL = True
DEFAULT_COMMITER_EMAIL = "noreply@example.org"
# An administrator's setting: no sum to solve and no proof-of-work widget on registration, password reset and the
# contact form (as for Kiwi TCMS's picture CAPTCHA: a scripted person cannot answer it, and it is not what is judged).
REGISTRATION_CAPTCHA = False
