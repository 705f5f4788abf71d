"""pretalx's settings with mail written to files in .work/mail (pretalx itself uses SMTP): no outgoing network."""
import os

from pretalx.settings import *  # noqa: F401,F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(os.environ["PRETALX_WORK"], "mail")
