"""Seed the n8n site through n8n's own REST API, as its owner would in the editor.

The owner Alex Morgan (admin@example.org) sets up the instance; the member Alex Morgan
(alex@example.test) is invited and accepts, and has two workflows of their own; Sam Taylor
(sam@example.test) is invited and has not signed up yet. The invitation's address is written to the
file named by the second argument. Usage: EMPATHY_SITE_PASSWORD=… python seed.py <base url> <file>
"""
import http.cookiejar
import json
import os
import sys
import urllib.request

BASE = sys.argv[1].rstrip("/")
PASSWORD = os.environ["EMPATHY_SITE_PASSWORD"]
WORKFLOWS = {"alex@example.test": ["Weekly plot report", "New member welcome e-mail"],
             "admin@example.org": ["Nightly backup of the bookings sheet"]}


def session() -> urllib.request.OpenerDirector:
    """An HTTP client with its own cookies (n8n's sign-in is a cookie bound to a browser id)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.addheaders = [("browser-id", "riverside-seed")]
    return opener


def call(client: urllib.request.OpenerDirector, method: str, path: str, body: object = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{BASE}/rest{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with client.open(request, timeout=60) as answer:
            return json.load(answer).get("data")
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {path}: {error.code} {error.read().decode()[:300]}") from None


def sign_in(email: str) -> urllib.request.OpenerDirector:
    client = session()
    call(client, "POST", "/login", {"emailOrLdapLoginId": email, "password": PASSWORD})
    return client


def add_workflows(client: urllib.request.OpenerDirector, names: list[str]) -> None:
    trigger = {"name": "When clicking 'Execute workflow'", "type": "n8n-nodes-base.manualTrigger",
               "typeVersion": 1, "position": [0, 0], "parameters": {}}
    for name in names:
        call(client, "POST", "/workflows", {"name": name, "nodes": [trigger], "connections": {},
                                            "active": False, "settings": {"executionOrder": "v1"}})


def main() -> None:
    owner = call(session(), "POST", "/owner/setup", {"email": "admin@example.org", "firstName": "Alex",
                                                     "lastName": "Morgan", "password": PASSWORD})
    owner_id = owner["id"]  # type: ignore[index]
    admin = sign_in("admin@example.org")
    invited = call(admin, "POST", "/invitations", [{"email": "alex@example.test", "role": "global:member"},
                                                   {"email": "sam@example.test", "role": "global:member"}])
    ids = {entry["user"]["email"]: entry["user"]["id"] for entry in invited}  # type: ignore[union-attr]
    call(session(), "POST", f"/invitations/{ids['alex@example.test']}/accept",
         {"inviterId": owner_id, "firstName": "Alex", "lastName": "Morgan", "password": PASSWORD})
    for email, names in WORKFLOWS.items():
        add_workflows(sign_in(email), names)
    with open(sys.argv[2], "w") as out:
        out.write(f"/signup?inviterId={owner_id}&inviteeId={ids['sam@example.test']}\n")
    print("seeded:", owner_id, ids)


if __name__ == "__main__":
    main()
