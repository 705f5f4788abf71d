"""Build the seeded wiki from nothing: indexes, Moin's help pages, the community's pages and two accounts.

Run by up.sh (with MOIN_WORK and EMPATHY_SITE_PASSWORD set) only when .work/seeded/ is missing or stale;
every up.sh then copies .work/seeded/ over the served wiki, so what a run added is gone.
Usage: python seed.py <wikiconfig.py>
"""
import os
import shutil
import sys

import click
from moin import flaskg, user
from moin.app import before_wiki, create_app
from moin.cli.maint import index, modify_item
from moin.items import Item
from moin.storage.middleware import protecting

PAGES = {
    "Home": """= Riverside Community Wiki =

Welcome! This wiki is kept by the neighbours of Riverside: what we share, when we meet and who to ask.

 * [[Garden Rota]]: who waters the community garden each week
 * [[Tool Library]]: borrowing the ladders, drills and the lawnmower
 * [[Meeting Notes]]: what was agreed at the monthly meetings
 * [[Contact]]: how to reach the people who look after this wiki

Anyone may read. To add or change a page, create an account (top right, "Login", then "Register").
""",
    "Garden Rota": """= Garden Rota =

Watering is every evening from May to September. Swap a week by writing both names in the table.

|| '''Week''' || '''Who''' || '''Notes''' ||
|| 1 || Alex Morgan || bring the long hose ||
|| 2 || Sam Taylor || ||
|| 3 || Priya Shah || tomatoes need stakes ||
|| 4 || Jordan Lee || ||

Back to [[Home]].
""",
    "Tool Library": """= Tool Library =

The shed behind the community hall lends tools for free. Borrow for up to a week; the key is with Sam.

 * Extension ladder (4 m)
 * Cordless drill and bits
 * Lawnmower (petrol; please refill it)
 * Pressure washer

Write your name and the date under '''Borrowed''' when you take something:

== Borrowed ==
 * Cordless drill: Priya, 2 December

Back to [[Home]].
""",
    "Meeting Notes": """= Meeting Notes =

== November 2026 ==
 * The winter plant swap will be on 14 December in the community hall.
 * Alex will ask the council about a second bench by the river path.
 * Next meeting: 8 January 2027, 7 pm.

== October 2026 ==
 * The tool shed's lock was replaced; the new key is with Sam.

Back to [[Home]].
""",
    "Contact": """= Contact =

Questions about this wiki or a page you cannot change: write to Robin Hale, who looks after it,
at [[mailto:wiki@example.test|wiki@example.test]], or leave a note on this page once you are signed in.

Forgot your password? Use "Forgot your password?" on the login page and we will e-mail you a link.
""",
}
WIKI = "text/x.moin.wiki;charset=utf-8"
ACCOUNTS = [("admin", "Robin Hale", "admin@example.org"), ("alex", "Alex Morgan", "alex@example.test")]


def main() -> None:
    work, password = os.environ["MOIN_WORK"], os.environ["EMPATHY_SITE_PASSWORD"]
    os.chdir(work)  # Moin's index commands look for wiki/index relative to the current directory
    shutil.rmtree("wiki", ignore_errors=True)
    # Moin refuses to start on a wiki with no index unless the command building one is running.
    with click.Context(click.Command("build-instance"), info_name="build-instance"):
        app = create_app(sys.argv[1])
    with app.test_request_context("/"):
        if not index.IndexCreate():
            sys.exit("seed: Moin could not create its index")
        modify_item.LoadHelp(namespace="help-en", path_to_help=None)
        modify_item.LoadHelp(namespace="help-common", path_to_help=None)
        before_wiki()
        for name, display, email in ACCOUNTS:
            problem = user.create_user(username=name, password=password, email=email, display_name=display)
            if problem:
                sys.exit(f"seed: account {name}: {problem}")
        flaskg.user = user.User(name="admin", trusted=True)
        flaskg.storage = protecting.ProtectingMiddleware(app.storage, flaskg.user, app.cfg.acl_mapping)
        for name, text in PAGES.items():
            Item.create(name, itemtype="default", contenttype=WIKI).modify(
                {"contenttype": WIKI, "itemtype": "default"}, text.replace("\n", "\r\n"), comment="seeded"
            )
        index.IndexOptimize(tmp=False)


if __name__ == "__main__":
    main()
