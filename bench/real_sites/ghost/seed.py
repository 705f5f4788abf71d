"""Seed a fresh Ghost (run once by up.sh, on an empty database, through Ghost's own Admin API):
the owner account, the publication's title and description, four posts (one for members only) and
one member. up.sh keeps a copy of the seeded database, so this runs only when the password changes.

Usage: seed.py BASE_URL (the password is read from EMPATHY_SITE_PASSWORD)."""
from __future__ import annotations

import http.cookiejar
import json
import os
import sys
import urllib.request

base = sys.argv[1].rstrip("/")
password = os.environ["EMPATHY_SITE_PASSWORD"]
api = f"{base}/ghost/api/admin"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def call(method: str, path: str, body: dict | None = None) -> dict:
    """One Admin API request with the session cookie; Ghost wants an Origin on every admin call."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{api}{path}", data=data, method=method, headers={
        "Content-Type": "application/json", "Origin": base, "Accept-Version": "v5.0"})
    with opener.open(req) as resp:
        text = resp.read().decode()
    return json.loads(text) if text.startswith("{") else {}  # the session call answers "Created"


call("POST", "/authentication/setup/", {"setup": [{
    "name": "Alex Morgan", "email": "admin@example.org", "password": password,
    "blogTitle": "The Riverside Bulletin"}]})
call("POST", "/session/", {"username": "admin@example.org", "password": password})

call("PUT", "/settings/", {"settings": [
    {"key": "description", "value": "News, notices and stories from the Riverside neighbourhood, "
                                    "written by the people who live here."},
    {"key": "members_signup_access", "value": "all"},
    {"key": "cover_image", "value": ""},  # the default cover is an image on Ghost's own servers
]})

# Ghost's own fixtures add a welcome post and pages ("Coming soon", "About this site"): remove them.
for kind in ("posts", "pages"):
    for item in call("GET", f"/{kind}/?limit=all&filter=status:[draft,published,scheduled]")[kind]:
        call("DELETE", f"/{kind}/{item['id']}/")

call("POST", "/pages/?source=html", {"pages": [{
    "title": "About", "slug": "about", "status": "published",
    "html": "<p>The Riverside Bulletin is written by volunteers who live in Riverside. Sign up to get new "
            "posts by e-mail and to read the members' notes. Questions or a story to share? Reply to any "
            "of our e-mails and one of the editors will get back to you within a week.</p>"}]})

posts = [
    ("The library reopens on Saturday",
     "<p>After six months of repairs the Riverside library opens its doors again this Saturday at 10am. "
     "The children's corner has new shelves, and the reading room finally has working heating.</p>"
     "<p>Volunteers will be on hand all day to help you renew your library card.</p>", "public"),
    ("Repair café: bring your broken toaster",
     "<p>The monthly repair café meets in the church hall on the first Sunday of the month, 2pm to 5pm. "
     "Bring anything that needs fixing: bikes, lamps, clothes, toasters. Tea and cake are free.</p>",
     "public"),
    ("Planting day on the towpath",
     "<p>Forty volunteers planted two hundred bulbs along the towpath last weekend. Thank you to "
     "everyone who came, and to the bakery on Mill Street for the rolls.</p>", "public"),
    ("Members' notes: the next residents' meeting",
     "<p>The residents' meeting moves to Thursday 14 January, 7pm, at the community centre. The agenda "
     "covers the parking survey, the summer fair and the new bus timetable.</p>", "members"),
]
for title, html, visibility in posts:
    call("POST", "/posts/?source=html", {"posts": [
        {"title": title, "html": html, "status": "published", "visibility": visibility}]})

call("POST", "/members/", {"members": [{"email": "alex@example.test", "name": "Alex Morgan"}]})
print("seeded")
