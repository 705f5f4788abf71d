"""Seed the Etherpad site: two pads of a community garden's volunteers, with text and a chat.

Run once by up.sh on an empty database, through Etherpad's HTTP API (the key in .work/app/APIKEY.txt):
    python3 seed.py http://127.0.0.1:9011 <api key>
up.sh keeps a copy of the database this makes and restores it on every start, so what a harness run added
(pads, text, chat lines) is removed.
"""
import json
import sys
import urllib.parse
import urllib.request

API = "1.2.15"
PADS = {
    "garden-rota": (
        "Riverside Community Garden: volunteer rota\n\n"
        "Saturday 10:00 to 12:00: watering the raised beds (Robin, Sam)\n"
        "Sunday 14:00 to 16:00: compost and the tool shed (Alex)\n"
        "Wednesday evening: seedlings in the greenhouse (anyone)\n\n"
        "Add your name next to a slot you can take.\n"
    ),
    "harvest-plan": (
        "Harvest plan for September\n\n"
        "Beans: pick twice a week\nCourgettes: share at the gate on Saturdays\nApples: wait for the first frost\n"
    ),
}
CHAT = [("garden-rota", "Robin Hale", "Can someone cover the watering this Saturday? I am away.")]


def call(base: str, key: str, method: str, **params: str) -> dict:
    """Call one API method; stop with Etherpad's own message when it answers with an error."""
    body = urllib.parse.urlencode({"apikey": key, **params}).encode()
    with urllib.request.urlopen(f"{base}/api/{API}/{method}", body, timeout=30) as answer:
        reply = json.load(answer)
    if reply.get("code") != 0:
        sys.exit(f"{method} {params}: {reply.get('message')}")
    return reply.get("data") or {}


def main() -> None:
    base, key = sys.argv[1].rstrip("/"), sys.argv[2]
    for pad, text in PADS.items():
        call(base, key, "createPad", padID=pad, text=text)
    for pad, name, text in CHAT:
        author = call(base, key, "createAuthor", name=name)["authorID"]
        call(base, key, "appendChatMessage", padID=pad, text=text, authorID=author)
    print("seeded:", ", ".join(PADS))


if __name__ == "__main__":
    main()
