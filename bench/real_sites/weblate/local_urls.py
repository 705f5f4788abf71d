"""Weblate's URLs, and its collected static files served by Django itself (runserver serves none with DEBUG off)."""
from django.conf import settings
from django.urls import re_path
from django.views.static import serve
from weblate.urls import urlpatterns as weblate_urls

urlpatterns = [
    re_path(r"^static/(?P<path>.*)$", serve, {"document_root": settings.STATIC_ROOT}),
    *weblate_urls,
]
