"""Seed Kiwi TCMS (run by up.sh through `django-admin shell`, on a freshly migrated database copy).

Two accounts (password: $EMPATHY_SITE_PASSWORD): `admin` (Robin Hale, superuser) and `alex` (Alex Morgan, a
tester); one product, "Notes App", with a version, a build, a test plan of three test cases and a test run,
so that the search pages, a plan's page and the new-case form have something to show.
"""
import os

from django.contrib.auth.models import Group, User
from django.contrib.sites.models import Site
from django.core.management import call_command
from tcms.management.models import Build, Classification, Priority, Product, Version
from tcms.testcases.models import Category, TestCase, TestCaseStatus
from tcms.testplans.models import PlanType, TestPlan
from tcms.testruns.models import TestRun

password = os.environ["EMPATHY_SITE_PASSWORD"]
Site.objects.update_or_create(pk=1, defaults={"domain": "127.0.0.1:8921", "name": "Kiwi TCMS"})
call_command("refresh_permissions", verbosity=0)

admin = User.objects.create_superuser("admin", "admin@example.org", password, first_name="Robin", last_name="Hale")
alex = User.objects.create_user("alex", "alex@example.test", password, first_name="Alex", last_name="Morgan")
alex.groups.add(Group.objects.get(name="Tester"))

product = Product.objects.create(
    name="Notes App", classification=Classification.objects.create(name="Web"),
    description="A note-taking web application.")
version = Version.objects.get_or_create(product=product, value="1.0")[0]
build = Build.objects.get_or_create(version=version, name="1.0.0")[0]
category = Category.objects.get_or_create(product=product, name="--default--")[0]
plan = TestPlan.objects.create(
    name="Notes App 1.0 acceptance", text="The checks every release of Notes App 1.0 must pass.",
    product=product, product_version=version, author=alex, type=PlanType.objects.get(name="Acceptance"))
confirmed = TestCaseStatus.objects.filter(is_confirmed=True).first()
for summary, text in [
    ("Sign in with a valid password", "1. Open the sign-in page\n2. Enter the password\n\nExpected: the notes list"),
    ("Create a note with a title", "1. Press New note\n2. Type a title and save\n\nExpected: the note is listed"),
    ("Export a note as PDF", "1. Open a note\n2. Choose Export, then PDF\n\nExpected: a PDF is downloaded"),
]:
    case = TestCase.objects.create(
        summary=summary, text=text, author=alex, default_tester=alex, case_status=confirmed,
        category=category, priority=Priority.objects.get(value="P2"))
    plan.add_case(case)
run = TestRun.objects.create(summary="Notes App 1.0.0, first pass", plan=plan, build=build, manager=alex,
                             default_tester=alex)
for case in plan.cases.all():
    run.create_execution(case=case)
print("seeded: admin, alex; Notes App with a plan of", plan.cases.count(), "cases and a run")
