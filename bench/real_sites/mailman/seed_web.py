"""Seed the web UI (run by up.sh inside `mailman-web shell`, with core running): the site's name, its mail
domain, the accounts alex and admin with verified addresses, and the Members list's archive (a few
threads, imported as HyperKitty imports an mbox, then indexed for search)."""
import mailbox
import os
import tempfile
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.core.management import call_command
from django_mailman3.models import MailDomain

password = os.environ["EMPATHY_SITE_PASSWORD"]
site = Site.objects.get(pk=1)
site.domain, site.name = "127.0.0.1:8971", "Millbrook Community Choir"
site.save()
MailDomain.objects.get_or_create(site=site, mail_domain="lists.example.org")

for username, first, last, email, boss in [("admin", "Robin", "Hale", "admin@example.org", True),
                                           ("alex", "Alex", "Morgan", "alex@example.test", False)]:
    user = User.objects.create_user(username, email, password, first_name=first, last_name=last,
                                    is_staff=boss, is_superuser=boss)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)

THREADS = [
    ("Rehearsal moved to Thursday 14 May", [
        "Hello all,\n\nThe church hall is booked on Wednesday, so next week's rehearsal moves to Thursday "
        "14 May, same time (7.30 pm). Please tell anyone who is not on this list.\n\nSam",
        "Thanks Sam, Thursday works for me. Does anyone need a lift from the station?\n\nAlex",
    ]),
    ("Spring concert: who can bring chairs?", [
        "We need about forty extra chairs for the spring concert on 6 June. The school can lend thirty; "
        "who has a car big enough for the rest?\n\nPriya",
        "I can bring ten folding chairs in the van.\n\nAlex",
        "Wonderful, that covers it. Thank you both!\n\nPriya",
    ]),
    ("Sheet music for the Brahms Requiem", [
        "I have six spare copies of the Brahms Requiem vocal score (Novello edition). Ask me at Thursday's "
        "rehearsal if you need one.\n\nAlex",
    ]),
]
box_path = os.path.join(tempfile.mkdtemp(), "members.mbox")
box = mailbox.mbox(box_path)
when = datetime(2026, 4, 20, 18, 0, tzinfo=UTC)
senders = {"Sam": "Sam Taylor <sam@example.test>", "Alex": "Alex Morgan <alex@example.test>",
           "Priya": "Priya Shah <priya@example.test>"}
for t, (subject, posts) in enumerate(THREADS):
    first_id = None
    for i, body in enumerate(posts):
        msg = EmailMessage()
        msg["From"] = senders[body.rsplit("\n", 1)[-1]]  # signed with the first name
        msg["To"] = "members@lists.example.org"
        msg["Subject"] = subject if i == 0 else "Re: " + subject
        msg["Date"] = format_datetime(when)
        msg["Message-ID"] = f"<choir-{t}-{i}@example.test>"
        if first_id:
            msg["In-Reply-To"] = first_id
            msg["References"] = first_id
        first_id = first_id or msg["Message-ID"]
        msg.set_content(body)
        box.add(mailbox.mboxMessage(msg))
        when += timedelta(hours=5)
    when += timedelta(days=3)
box.flush()
box.close()
call_command("hyperkitty_import", "-l", "members@lists.example.org", box_path)
call_command("update_index")
os.remove(box_path)
os.rmdir(os.path.dirname(box_path))
