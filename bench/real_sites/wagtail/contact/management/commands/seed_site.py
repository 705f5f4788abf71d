"""Seed the site (run by up.sh): accounts, a few content pages, the contact form. Idempotent:
form submissions and extra accounts from an earlier run are removed."""
import os

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Site

from contact.models import FormField, FormPage, StandardPage

PAGES = [
    ("About the garden", "about", "<p>Riverside Community Garden has 40 allotment plots, a tool library and a "
     "weekly volunteer morning on Saturdays from 9 to 12.</p>"),
    ("Opening hours", "opening-hours", "<p>The gates are open every day from 8 in the morning until dusk. "
     "The tool shed is open on Saturdays and Wednesdays.</p>"),
    ("Allotment waiting list", "waiting-list", "<p>Plots become free each spring. Join the waiting list "
     "through the contact form and we will write when a plot is offered.</p>"),
]
FIELDS = [  # label, field_type, required, choices, help_text
    ("Your name", "singleline", True, "", ""),
    ("Email", "email", True, "", "We only use this to reply to you."),
    ("Topic", "dropdown", True, "Volunteering\nAllotment waiting list\nEvents\nSomething else", ""),
    ("Message", "multiline", True, "", ""),
    ("Phone (optional)", "singleline", False, "", ""),
]


class Command(BaseCommand):
    help = "Seed accounts, pages and the contact form."

    def handle(self, *args: object, **options: object) -> None:
        password = os.environ["EMPATHY_SITE_PASSWORD"]
        people = [("admin", "Alex", "Morgan", True), ("editor", "Sam", "Taylor", False)]
        for username, first, last, superuser in people:
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.last_name = first, last
            user.email = f"{first}.{last}@example.org".lower()
            user.is_staff = user.is_superuser = superuser
            user.set_password(password)
            user.save()
        User.objects.exclude(username__in=[p[0] for p in people]).delete()
        editors = Group.objects.filter(name="Editors").first()  # Wagtail creates Editors and Moderators
        if editors:
            User.objects.get(username="editor").groups.add(editors)

        home = Page.objects.get(depth=2)
        site = Site.objects.get(is_default_site=True)
        site.site_name, site.hostname, site.port = "Riverside Community Garden", "127.0.0.1", 8802
        site.save()
        for title, slug, body in PAGES:
            if not StandardPage.objects.filter(slug=slug).exists():
                home.add_child(instance=StandardPage(title=title, slug=slug, body=body))
        form = FormPage.objects.filter(slug="contact").first()
        if form is None:
            form = home.add_child(instance=FormPage(
                title="Contact us", slug="contact",
                intro="<p>Questions about volunteering, plots or events? Send us a message.</p>",
                thank_you_text="<p>Thank you for your message. We reply within two working days.</p>",
                to_address="garden-team@example.org", from_address="website@example.org",
                subject="Message from the website"))
        FormField.objects.filter(page=form).delete()
        for order, (label, kind, required, choices, help_text) in enumerate(FIELDS):
            FormField.objects.create(page=form, sort_order=order, label=label, field_type=kind,
                                     required=required, choices=choices, help_text=help_text)
        FormSubmission.objects.filter(page=form).delete()
