"""Seed a fresh Strapi (run once by up.sh, on an empty database, through Strapi's own admin API):
the first administrator, an editor, two invited authors who have not registered yet, and four
workshops (three published, one draft). up.sh keeps a copy of the seeded database, so this runs
only when the password changes.

An invited author's registration link carries a token Strapi draws at random; it is set to a fixed
one in the database afterwards (up.sh does it with the server stopped), so that the link can be a
page of the workspace.

Usage: seed.py BASE_URL (the password is read from EMPATHY_SITE_PASSWORD)."""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request

base = sys.argv[1].rstrip("/")
password = os.environ["EMPATHY_SITE_PASSWORD"]
token = ""


def call(method: str, path: str, body: dict | None = None) -> dict:
    """One admin API request, with the administrator's token once there is one."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(f"{base}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as resp:
            return json.loads(resp.read().decode() or "{}")
    except urllib.error.HTTPError as err:
        sys.exit(f"{method} {path}: {err.code} {err.read().decode()[:500]}")


def session_token(answer: dict) -> str:
    """The access token of a sign-in or registration answer (its name differs between releases)."""
    data = answer["data"]
    return data.get("token") or data.get("accessToken")


token = session_token(call("POST", "/admin/register-admin", {
    "firstname": "Alex", "lastname": "Morgan", "email": "admin@example.org", "password": password}))
roles = {role["code"]: role["id"] for role in call("GET", "/admin/roles")["data"]}


def invite(first: str, last: str, email: str, role: str) -> str:
    """Create an admin user as the administrator does ("Invite new user"); return the registration token."""
    user = call("POST", "/admin/users", {
        "firstname": first, "lastname": last, "email": email, "roles": [roles[role]]})["data"]
    return user["registrationToken"]


editor = invite("Alex", "Morgan", "alex@example.test", "strapi-editor")
admin_token, token = token, ""
call("POST", "/admin/register", {"registrationToken": editor, "userInfo": {
    "firstname": "Alex", "lastname": "Morgan", "password": password}})
token = admin_token
invite("Sam", "Taylor", "sam@example.test", "strapi-author")  # registers in a journey
invite("Priya", "Shah", "priya@example.test", "strapi-author")  # a form left unsent (its link stays valid)

workshops = "/content-manager/collection-types/api::workshop.workshop"
seeded = [
    ("Bike repair for beginners", "Fix a puncture, adjust brakes and gears, and keep your bike running "
     "through the winter. Bring your own bike if you can.", "2027-01-16T10:00:00.000Z", 12, "beginner", True),
    ("Sourdough from scratch", "Start a starter, shape a loaf and bake it in a home oven. You take home "
     "a jar of starter.", "2027-01-23T14:00:00.000Z", 10, "beginner", True),
    ("Sewing machine confidence", "Thread, wind a bobbin and sew straight seams; then a simple tote bag.",
     "2027-02-06T10:00:00.000Z", 8, "intermediate", True),
    ("Winter composting", "Keep a compost heap working through the cold months.",
     "2027-02-20T10:00:00.000Z", 20, "beginner", False),
]
for title, summary, starts, places, level, publish in seeded:
    entry = call("POST", workshops, {
        "title": title, "summary": summary, "startsAt": starts, "places": places, "level": level,
        "contactEmail": "workshops@example.org", "slug": title.lower().replace(" ", "-")})["data"]
    if publish:
        call("POST", f"{workshops}/{entry['documentId']}/actions/publish", {})
print("seeded")
