"""Seed Weblate (run once per stamp by up.sh through `weblate shell`, on a freshly migrated database): the
administrator Robin Hale, the translator Alex Morgan (who translates into French), and the project "Riverside
Community Garden" whose component "Garden app" clones the local repository up.sh made (.work/upstream.git):
French half translated, German not started, any other language can be added by a signed-in person."""
import os

from weblate.accounts.models import VerifiedEmail
from weblate.auth.models import User
from weblate.lang.models import Language
from weblate.trans.models import Component, Project

password = os.environ["EMPATHY_SITE_PASSWORD"]
work = os.environ["WEBLATE_WORK"]

for username, name, email, admin in (
    ("admin", "Robin Hale", "admin@example.org", True),
    ("alex", "Alex Morgan", "alex@example.test", False),
):
    user = User.objects.create_user(username, email, password, full_name=name, is_superuser=admin, is_active=True)
    # What Weblate records at a first sign-in by e-mail, so the address counts as verified from the start.
    social = user.social_auth.create(provider="email", uid=email)
    VerifiedEmail.objects.create(social=social, email=email)
    user.profile.languages.set([Language.objects.get(code="fr")])

project = Project.objects.create(
    name="Riverside Community Garden", slug="garden", web="https://garden.example.org/",
    instructions="Thank you for helping! Keep the tone friendly and short: the app is read on phones in the garden.",
)
Component.objects.create(
    project=project, name="Garden app", slug="app", vcs="git", repo=f"file://{work}/upstream.git", push="",
    branch="main", filemask="po/*.po", new_base="po/garden.pot", file_format="po", new_lang="add",
    push_on_commit=False, license="MIT",
)
print("seeded:", ", ".join(f"{p.slug}/{c.slug} ({c.translation_set.count()} translations)"
                           for p in Project.objects.all() for c in p.component_set.all()))
