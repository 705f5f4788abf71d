"""Create the seeded Plone site: "Riverside Allotment Society", its pages, a noticeboard and two accounts.

Run once on an empty database by up.sh, through Zope's console (the Zope application is `app`):
    EMPATHY_SITE_PASSWORD=… SMTP_PORT=<port> zconsole run <instance>/etc/zope.conf seed.py
up.sh keeps a copy of the database this makes and restores it on every start, so what a harness run
added (accounts, notices) is removed. Self-registration is on with a chosen password, as a club site
would have it; mail goes to the SMTP port given on 127.0.0.1, where serve.py keeps it in a file.
"""
import os

import transaction
from plone.app.textfield.value import RichTextValue
from plone.distribution.api import site as site_api
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from zope.component import getUtility
from zope.component.hooks import setSite

SITE_ID = "Plone"
PAGES = [  # (id, title, description, text)
    ("plots", "Plot waiting list",
     "How plots are offered and how long the wait is.",
     "<p>Half plots are offered in the order people joined the waiting list. The wait is about"
     " eight months. Members pay 45 pounds a year for a half plot.</p>"),
    ("composting", "Composting guide",
     "What goes in the shared compost bays by the east gate.",
     "<p>Vegetable peelings, grass cuttings and cardboard go in the bays by the east gate."
     " No cooked food, please.</p>"),
    ("opening-hours", "Opening hours",
     "When the gates and the tool shed are open.",
     "<p>The gates open at 7 am and close at dusk. The tool shed is open on Saturdays from"
     " 9 am to noon.</p>"),
]
NEWS = [  # (id, title, description)
    ("seed-swap", "Spring seed swap on Saturday", "Bring spare seeds to the tool shed; tea provided."),
    ("water-troughs", "Water troughs back on", "The frost is over and the troughs are filled again."),
]


def main(app, password: str, smtp_port: int) -> None:
    site = site_api.create(app, "classic", {
        "site_id": SITE_ID, "title": "Riverside Allotment Society",
        "description": "Plots, compost and seed swaps by the river", "default_language": "en",
        "portal_timezone": "UTC", "setup_content": False})
    setSite(site)
    registry = getUtility(IRegistry)
    registry["plone.enable_self_reg"] = True
    registry["plone.enable_user_pwd_choice"] = True
    registry["plone.email_from_address"] = "secretary@example.test"
    registry["plone.email_from_name"] = "Riverside Allotment Society"
    # Plone leaves 127.0.0.1 unthemed by default (for theme developers); a visitor sees the theme.
    registry["plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"] = []
    registry["plone.smtp_host"] = "127.0.0.1"  # Plone's mailer reads these, not the MailHost's own
    registry["plone.smtp_port"] = smtp_port
    for id_, title, description, text in PAGES:
        _add(site, "Document", id_, title, description, text)
    board = _add(site, "Folder", "noticeboard", "Noticeboard", "Notices from members: lost tools, spare produce.")
    news = _add(site, "Folder", "news", "News", "What is happening on the site this season.")
    for id_, title, description in NEWS:
        _add(news, "News Item", id_, title, description)
    members = getToolByName(site, "portal_membership")
    getToolByName(site, "portal_registration").addMember(
        "alex", password, properties={"fullname": "Alex Morgan", "email": "alex@example.test", "username": "alex"})
    board.manage_setLocalRoles("alex", ["Contributor", "Editor"])
    board.reindexObjectSecurity()
    if members.getMemberById("alex") is None:
        raise SystemExit("seed.py: the account alex was not created")
    transaction.commit()


def _add(container, portal_type: str, id_: str, title: str, description: str, text: str = ""):
    container.invokeFactory(portal_type, id_, title=title, description=description)
    item = container[id_]
    if text:
        item.text = RichTextValue(text, "text/html", "text/x-html-safe")
    getToolByName(container, "portal_workflow").doActionFor(item, "publish")
    item.reindexObject()
    return item


if __name__ == "__main__":
    main(app, os.environ["EMPATHY_SITE_PASSWORD"], int(os.environ["SMTP_PORT"]))  # type: ignore[name-defined]  # noqa: F821 (zconsole's `app`)
