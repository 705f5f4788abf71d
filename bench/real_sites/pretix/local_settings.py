"""pretix's settings with mail to the console (pretix itself always uses SMTP): no outgoing network."""
from pretix.settings import *  # noqa: F401,F403

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
