"""Seed Label Studio (run by up.sh through `manage.py shell` on a freshly migrated database): one
organisation, two accounts and a small text-classification project with five tasks, so a returning
person meets their own work."""
import os

from organizations.models import Organization
from projects.models import Project
from tasks.models import Task
from users.models import User

password = os.environ["EMPATHY_SITE_PASSWORD"]
admin = User.objects.create_user(email="admin@example.org", password=password, username="admin",
                                 first_name="Robin", last_name="Hale")
admin.is_staff = admin.is_superuser = True
admin.save()
org = Organization.create_organization(created_by=admin, title="Riverside Community Archive")
alex = User.objects.create_user(email="alex@example.test", password=password, username="alex",
                                first_name="Alex", last_name="Morgan")
org.add_user(alex)
for user in (admin, alex):
    user.active_organization = org
    user.save()

LABELS = """<View>
  <Text name="text" value="$text"/>
  <Choices name="kind" toName="text" choice="single">
    <Choice value="Damaged sign"/>
    <Choice value="Missing sign"/>
    <Choice value="Other"/>
  </Choices>
</View>"""
project = Project.objects.create(
    title="Street signs", description="Reports from residents about the street signs in Riverside.",
    created_by=alex, organization=org, label_config=LABELS)
for text in ("The sign at the corner of Mill Lane is bent and hard to read.",
             "There is no name sign at the end of Orchard Close any more.",
             "Graffiti covers the bus stop sign on the High Street.",
             "The sign for the library points the wrong way.",
             "A new sign would help at the entrance to the allotments."):
    Task.objects.create(project=project, data={"text": text})
print("seeded", User.objects.count(), "users,", Task.objects.filter(project=project).count(), "tasks")
