"""Seed Mailman core through its REST API (run by up.sh once core answers): the choir's domain, its three
lists and their members. Reads the REST address and credentials from .work/mailman.cfg."""
import configparser
import sys
from pathlib import Path

from mailmanclient import Client

work = Path(__file__).resolve().parent / ".work"
cfg = configparser.ConfigParser(delimiters=(":", "="), interpolation=None)
cfg.read(work / "mailman.cfg")
rest = cfg["webservice"]
client = Client(f"http://127.0.0.1:{rest['port']}/3.1", rest["admin_user"], rest["admin_pass"])

DOMAIN = "lists.example.org"
LISTS = [
    ("announcements", "Announcements", "confirm", "public",
     "Concert dates, rehearsal changes and news from the Millbrook Community Choir, a few times a month."),
    ("members", "Members", "moderate", "public",
     "Discussion among the choir's singers: lifts, sheet music, who is bringing what."),
    ("committee", "Committee", "moderate", "private",
     "The choir committee's list. Members join by invitation."),
]

domain = client.create_domain(DOMAIN, description="Millbrook Community Choir")
for name, display, policy, archive, description in LISTS:
    mlist = domain.create_list(name)
    settings = mlist.settings
    settings["display_name"] = display
    settings["description"] = description
    settings["info"] = description
    settings["subscription_policy"] = policy
    settings["archive_policy"] = archive
    settings["advertised"] = name != "committee"
    settings.save()
    mlist.add_owner("admin@example.org")
members = client.get_list(f"members@{DOMAIN}")
for email, display in [("alex@example.test", "Alex Morgan"), ("sam@example.test", "Sam Taylor"),
                       ("priya@example.test", "Priya Shah")]:
    members.subscribe(email, display, pre_verified=True, pre_confirmed=True, pre_approved=True)
client.get_list(f"committee@{DOMAIN}").subscribe(
    "admin@example.org", "Robin Hale", pre_verified=True, pre_confirmed=True, pre_approved=True)
print("core seeded:", [m.fqdn_listname for m in client.lists], file=sys.stderr)
