# Seeds the django CMS site (run by up.sh through `manage.py shell`, on a freshly migrated database): the accounts
# admin (Robin Hale, superuser) and alex (Alex Morgan, an editor of pages), and a community garden's site of five
# published pages, two of them with a form built with djangocms-form-builder (submissions saved, mailed to the
# garden, and a thank-you message). The password is $EMPATHY_SITE_PASSWORD.
import os

from cms.api import add_plugin, create_page
from cms.models import GlobalPagePermission, PageContent
from django.contrib.auth.models import Group, Permission, User
from django.contrib.sites.models import Site
from django.db import transaction
from djangocms_form_builder.actions import SaveToDBAction, SendMailAction, SuccessMessageAction, get_hash
from djangocms_versioning.models import Version

password = os.environ["EMPATHY_SITE_PASSWORD"]
Site.objects.filter(pk=1).update(domain="127.0.0.1:9001", name="Riverside Community Garden")

admin = User.objects.create_superuser("admin", "admin@example.org", password, first_name="Robin", last_name="Hale")
editors = Group.objects.create(name="Editors")
editors.permissions.set(Permission.objects.filter(content_type__app_label__in=[
    "cms", "djangocms_text", "djangocms_frontend", "djangocms_link", "djangocms_form_builder",
    "djangocms_versioning", "djangocms_alias", "filer"]))
alex = User.objects.create_user("alex", "alex@example.test", password, first_name="Alex", last_name="Morgan",
                                is_staff=True)
alex.groups.add(editors)
GlobalPagePermission.objects.create(group=editors, can_add=True, can_change=True, can_delete=True,
                                    can_change_permissions=False, can_move_page=True, can_view=True)

LANG = "en-us"


def page(title, slug, paragraphs, parent=None):
    """A page in the menu whose content is one text plugin, published by admin; returns its content."""
    made = create_page(title, "cms-base.html", LANG, slug=slug, parent=parent, in_navigation=True,
                       created_by=admin)
    content = PageContent.admin_manager.get(page=made, language=LANG)
    add_plugin(content.get_placeholders().get(slot="Page Content"), "TextPlugin", LANG,
               body="".join(f"<p>{p}</p>" for p in paragraphs))
    return made, content


def form(content, name, fields, button, thanks):
    """A form plugin under the page's text: the fields (plugin, config), a submit button, saved and mailed."""
    placeholder = content.get_placeholders().get(slot="Page Content")
    plugin = add_plugin(placeholder, "FormPlugin", LANG, form_name=name,
                        form_actions=str([get_hash(SaveToDBAction), get_hash(SendMailAction),
                                          get_hash(SuccessMessageAction)]),
                        action_parameters={"sendemail_recipients": "garden@example.org",
                                           "sendemail_template": "default",
                                           "submitmessage_message": thanks})
    for plugin_type, config in fields:
        add_plugin(placeholder, plugin_type, LANG, target=plugin, config=config)
    add_plugin(placeholder, "SubmitPlugin", LANG, target=plugin,
               config={"field_name": "submit", "submit_cta": button, "form_submit_context": "primary"})


home, home_content = page("Home", "home", [
    "Welcome to Riverside Community Garden: forty raised beds, a tool library and a pond, open to everyone "
    "in the neighbourhood.",
    "Volunteer mornings are every Saturday from 9:30. No experience needed: bring gloves if you have them.",
])
page("About us", "about", [
    "The garden was started in 2009 by neighbours on Mill Lane. It is run by volunteers and funded by plot fees "
    "and the summer plant sale.",
    "Opening hours: every day from 8:00 until dusk.",
])
page("Plots", "plots", [
    "Half plots cost £20 a year and full plots £35. The waiting list is about six months.",
    "Plot holders share the tool library and the water butts.",
])
_, volunteer = page("Volunteer", "volunteer", [
    "Tell us when you can come and we will pair you with a plot holder on your first morning.",
])
form(volunteer, "volunteer", [
    ("CharFieldPlugin", {"field_name": "name", "field_label": "Your name", "field_required": True}),
    ("EmailFieldPlugin", {"field_name": "email", "field_label": "Email", "field_required": True}),
    ("DateFieldPlugin", {"field_name": "first_day", "field_label": "First Saturday you can come",
                         "field_required": True}),
    ("IntegerFieldPlugin", {"field_name": "hours", "field_label": "Hours a month",
                            "field_required": False, "min_value": 1, "max_value": 40}),
    ("BooleanFieldPlugin", {"field_name": "rules", "field_label": "I have read the garden rules",
                            "field_required": True}),
], "Sign me up", "<p>Thank you for your submission.</p>")
_, contact = page("Contact", "contact", [
    "Questions about plots, volunteering or the plant sale? Write to us and a volunteer will answer.",
])
form(contact, "contact", [
    ("CharFieldPlugin", {"field_name": "name", "field_label": "Your name", "field_required": True}),
    ("EmailFieldPlugin", {"field_name": "email", "field_label": "Email", "field_required": True}),
    ("TextareaPlugin", {"field_name": "message", "field_label": "Message", "field_required": True,
                        "field_rows": 6}),
], "Send", "<p>Thank you for your submission.</p>")

for version in Version.objects.all():
    version.publish(admin)
with transaction.atomic():
    home.set_as_homepage()
print("seeded: admin, alex; pages", PageContent.admin_manager.count())
