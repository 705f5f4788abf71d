"""wger's URLs, and its static files served through Django's middleware (as a web server would serve
them: a missing file is a 404 page, where runserver's --insecure handler, run without middleware, fails
on wger's 404 template with a 500)."""
from django.contrib.staticfiles.views import serve
from django.urls import re_path
from wger.urls import urlpatterns

urlpatterns = [re_path(r"^static/(?P<path>.*)$", serve, {"insecure": True}), *urlpatterns]
