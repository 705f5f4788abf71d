"""Seed accounts and groups (run by up.sh through `manage.py shell`); idempotent, and it removes
what an earlier run added, so every run of the features starts from the same site."""
import os

from django.contrib.auth.models import Group, Permission, User

password = os.environ["EMPATHY_SITE_PASSWORD"]
people = [
    # username, first, last, email, superuser
    ("admin", "Alex", "Morgan", "alex.morgan@example.org", True),
    ("editor", "Sam", "Taylor", "sam.taylor@example.org", False),
    ("jordan", "Jordan", "Lee", "jordan.lee@example.org", False),
    ("priya", "Priya", "Shah", "priya.shah@example.org", False),
]
for username, first, last, email, superuser in people:
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name, user.email = first, last, email
    user.is_staff = username in ("admin", "editor")
    user.is_superuser = superuser
    user.set_password(password)
    user.save()

User.objects.exclude(username__in=[p[0] for p in people]).delete()
Group.objects.exclude(name__in=["Account managers", "Support"]).delete()
managers, _ = Group.objects.get_or_create(name="Account managers")
managers.permissions.set(Permission.objects.filter(content_type__app_label="auth"))
Group.objects.get_or_create(name="Support")
User.objects.get(username="editor").groups.add(managers)
