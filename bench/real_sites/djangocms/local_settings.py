# The proving ground's settings for the django CMS quick-start project, run by the project's settings.py (up.sh
# appends the line that reads this file): DEBUG off, the database, mail, media and Bootstrap under .work/, the
# form plugin, nothing that reaches the network.
import os  # noqa: E402

_work = Path(os.environ["DJANGOCMS_WORK"])  # noqa: F821 (settings.py's Path)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = (_work / "secret").read_text()
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(_work / "cms.sqlite")}}
INSTALLED_APPS += ["djangocms_form_builder"]  # noqa: F821 (settings.py's list)
# The quick start's base template loads Bootstrap 5.3.2 from a CDN: templates/cms-base.html loads npm's copy.
TEMPLATES[0]["DIRS"].insert(0, Path(os.environ["DJANGOCMS_SITE"]) / "templates")  # noqa: F821
STATICFILES_DIRS = [("bootstrap", str(_work / "npm/node_modules/bootstrap/dist"))]
STATIC_ROOT = str(_work / "static")
MEDIA_ROOT = str(_work / "media")
MEDIA_URL = "/media/"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(_work / "mail")
DEFAULT_FROM_EMAIL = "garden@example.org"
TIME_ZONE = "Europe/London"
CMS_CONFIRM_VERSION4 = True
