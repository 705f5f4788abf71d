"""Kiwi TCMS's product settings on SQLite in .work/, mail written to files in .work/mail (no outgoing network).

Registration's picture CAPTCHA is off (`USE_CAPTCHA`, an administrator's setting): a journey cannot read it.
"""
import inspect
import os
import pathlib
import secrets

# django-modern-rpc 0.12.1, which Kiwi TCMS 12.4 pins, imports inspect.getargspec (gone in Python 3.11)
# and calls it only on Python 2: the name must exist for the import to succeed.
inspect.getargspec = getattr(inspect, "getargspec", inspect.getfullargspec)

from tcms.settings.product import *  # noqa: E402,F401,F403

_work = os.environ["KIWI_WORK"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(_work, "kiwi.sqlite")}}
_secret = pathlib.Path(_work, "secret")  # made once, kept with the database
if not _secret.exists():
    _secret.write_text(secrets.token_urlsafe(40), encoding="utf-8")
SECRET_KEY = _secret.read_text(encoding="utf-8")
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(_work, "mail")
MEDIA_ROOT = os.path.join(_work, "uploads")
STATIC_ROOT = os.path.join(_work, "static")
USE_CAPTCHA = False
