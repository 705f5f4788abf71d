"""The overhead bench's real-site journey: the django-auth admin sign-in of the proving ground.

A wrong password, then the right one (`bench/real_sites/django-auth/features/sign_in.feature`), in plain
Playwright and through the harness as that feature drives it. The site runs on 127.0.0.1:8801 (the
proving ground's up.sh); its staff password comes from EMPATHY_SITE_PASSWORD or the site's
.work/password, as `bench/real_sites/score.py` is given it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

SITE = Path(__file__).resolve().parent / "real_sites" / "django-auth"
WRONG = "not-my-password"


def site_settings(reports: Path) -> tuple[Any, str]:
    """The site workspace's settings (reports into `reports`) and the staff password; SystemExit when the
    site is not running or no password is known."""
    import urllib.request

    from harness.config import load_settings

    password = os.environ.get("EMPATHY_SITE_PASSWORD", "")
    if not password and (SITE / ".work" / "password").is_file():
        password = (SITE / ".work" / "password").read_text(encoding="utf-8").strip()
    if not password:
        raise SystemExit(f"bench --site: set EMPATHY_SITE_PASSWORD (the proving ground's, in "
                         f"{SITE / '.work' / 'password'} once its up.sh ran)")
    os.environ["EMPATHY_SITE_PASSWORD"] = password
    settings = load_settings(SITE).model_copy(update={"reports_dir": str(reports), "time_scale": 0.0})
    try:
        urllib.request.urlopen(settings.page_url("sign-in"), timeout=5).close()
    except OSError as exc:
        raise SystemExit(f"bench --site: django-auth is not answering at {settings.base_url} ({exc}); start it "
                         "with bench/real_sites/django-auth/up.sh") from None
    return settings, password


def plain_site(handle: Any, settings: Any, password: str) -> None:
    """The sign-in in plain Playwright."""
    context = handle.new_context()
    try:
        page = context.new_page()
        page.goto(settings.page_url("admin"))
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill(WRONG)
        page.get_by_role("button", name="Log in").click()
        page.get_by_text("Please enter the correct username and password").wait_for()
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/admin/")
    finally:
        context.close()


def harness_site(handle: Any, settings: Any, reports: Path, walk: Callable[..., int]) -> int:
    """The sign-in as the feature drives it, walked by the bench's `walk` (Journey/Actor, then every check);
    returns the findings."""
    from harness.personas import load_persona
    from harness.personas.data import generate_data

    persona = load_persona("staff", settings)
    scenario = "A wrong password, then the right one"
    data = generate_data(persona, run_seed=1, scenario=scenario)
    steps = [
        ("Given", 'I am "staff"', lambda a: None),
        ("And", 'I open the "admin" page', lambda a: a.goto(settings.page_url("admin"))),
        ("When", 'I enter my username in "Username"', lambda a: a.fill("Username", data_key="username")),
        ("And", f'I fill in "Password" with "{WRONG}"', lambda a: a.fill("Password", WRONG)),
        ("And", 'I press "Log in"', lambda a: a.click("Log in")),
        ("Then", 'I should see "Please enter the correct username and password"', lambda a: a.wait_until_settled()),
        ("When", 'I enter my password in "Password"', lambda a: a.fill("Password", data_key="password")),
        ("And", 'I press "Log in"', lambda a: a.click("Log in")),
        ("Then", "I should be greeted by name", lambda a: a.wait_until_settled()),
    ]
    return int(walk(handle, settings, persona, data, steps, "/admin/", feature="Signing in to the admin",
                    scenario=scenario, tags=["journey:admin-sign-in"], reports=reports))
