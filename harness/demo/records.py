"""The portal's back office: accounts, claims and support conversations, in memory and thread-safe.

Why in memory: the portal exists to be driven by tests; each app instance starts empty and
the harness seeds what a persona needs through the test-only endpoints.
"""

from __future__ import annotations

import re
import secrets
import string
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from werkzeug.security import check_password_hash, generate_password_hash

# Hashed, never stored in clear; a light work factor because accounts live only in this process's memory
# and the harness creates one per persona before each returning-customer scenario.
PASSWORD_HASH = "pbkdf2:sha256:20000"
POLICY_RE = re.compile(r"^[A-Z]{2,4}-?\d{5,10}$")


def normalise_policy(text: str) -> str:
    """Policy numbers are typed in many ways ("hm 1234567"); keep letters, digits and the dash."""
    return re.sub(r"[\s.]", "", text or "").upper()


def is_policy_number(text: str) -> bool:
    return bool(POLICY_RE.match(normalise_policy(text)))


def new_reference(prefix: str) -> str:
    """A short reference a person can read over the phone (no 0/O or 1/I)."""
    alphabet = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01IO")
    return f"{prefix}-" + "".join(secrets.choice(alphabet) for _ in range(6))


@dataclass
class Account:
    email: str
    password_hash: str
    first_name: str
    last_name: str
    policy_number: str
    phone: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class Claim:
    reference: str
    policy_number: str
    full_name: str
    email: str
    incident_date: str
    incident_type: str
    description: str
    location: str = ""
    photo: str = ""
    phone: str = ""
    contact_time: str = ""
    status: str = "Received"
    submitted_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    session_id: str = ""
    account_email: str = ""


@dataclass
class Conversation:
    reference: str
    session_id: str
    account_email: str = ""
    started_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    topic: str = ""


class Records:
    """Accounts by email, claims and conversations; one lock guards them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.accounts: dict[str, Account] = {}
        self.claims: list[Claim] = []
        self.conversations: list[Conversation] = []

    # accounts
    def upsert_account(self, *, email: str, password: str, first_name: str, last_name: str,
                       policy_number: str, phone: str = "") -> tuple[Account, bool]:
        """Create or replace an account; returns (account, created)."""
        hashed = generate_password_hash(password, method=PASSWORD_HASH)
        account = Account(email=email.strip().lower(), password_hash=hashed,
                          first_name=first_name.strip(), last_name=last_name.strip(),
                          policy_number=normalise_policy(policy_number), phone=phone.strip())
        with self._lock:
            created = account.email not in self.accounts
            self.accounts[account.email] = account
        return account, created

    def account(self, email: str) -> Account | None:
        with self._lock:
            return self.accounts.get((email or "").strip().lower())

    def authenticate(self, email: str, password: str) -> Account | None:
        found = self.account(email)
        if found and check_password_hash(found.password_hash, password):
            return found
        return None

    # claims
    def add_claim(self, claim: Claim) -> Claim:
        with self._lock:
            self.claims.append(claim)
        return claim

    def claim(self, reference: str) -> Claim | None:
        with self._lock:
            return next((c for c in self.claims if c.reference == reference), None)

    def claims_for(self, email: str, policy_number: str = "") -> list[Claim]:
        """Claims made with this email or policy number, newest first."""
        email = (email or "").lower()
        with self._lock:
            mine = [c for c in self.claims if email in (c.email.lower(), c.account_email)
                    or (policy_number and c.policy_number == policy_number)]
        return sorted(mine, key=lambda c: c.submitted_at, reverse=True)

    # conversations
    def add_conversation(self, conversation: Conversation) -> Conversation:
        with self._lock:
            self.conversations.append(conversation)
        return conversation

    def conversations_for(self, email: str, session_id: str = "") -> list[Conversation]:
        with self._lock:
            return [c for c in reversed(self.conversations)
                    if (email and c.account_email == email) or (session_id and c.session_id == session_id)]

    def adopt(self, session_id: str, email: str) -> None:
        """On sign-in, conversations started in this browser session join the account."""
        with self._lock:
            for c in self.conversations:
                if c.session_id == session_id and not c.account_email:
                    c.account_email = email


def public(obj: Any) -> dict[str, Any]:
    """A record as JSON for the test API, without secrets."""
    data = asdict(obj)
    data.pop("password_hash", None)
    return data
