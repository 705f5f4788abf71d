"""Give the seeded owner and the invited Sam fixed ids, so that the invitation's address is the same on every machine.

n8n's invitation link names both users' ids (random UUIDs drawn at seeding); the workspace's pages are
fixed addresses. Every column that holds an old id exactly gets the new one (the server is stopped).
Usage: python fix_ids.py <database.sqlite> <invitation file>
"""
import re
import sqlite3
import sys

OWNER, INVITEE = "a11c0000-0000-4000-8000-000000000001", "5a300000-0000-4000-8000-000000000002"


def main() -> None:
    db, invitation = sys.argv[1], sys.argv[2]
    old = re.search(r"inviterId=([\w-]+)&inviteeId=([\w-]+)", open(invitation).read())
    if old is None:
        raise SystemExit(f"no invitation address in {invitation}")
    new = {old.group(1): OWNER, old.group(2): INVITEE}
    c = sqlite3.connect(db)
    c.execute("pragma foreign_keys = off")
    for (table,) in c.execute("select name from sqlite_master where type = 'table'").fetchall():
        for column in [row[1] for row in c.execute(f'pragma table_info("{table}")')]:
            for was, now in new.items():
                c.execute(f'update "{table}" set "{column}" = ? where "{column}" = ?', (now, was))
    c.commit()
    c.execute("pragma wal_checkpoint(truncate)")
    c.close()
    with open(invitation, "w") as out:
        out.write(f"/signup?inviterId={OWNER}&inviteeId={INVITEE}\n")


if __name__ == "__main__":
    main()
