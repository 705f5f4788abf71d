"""Reading the mail a site under test sent, to follow its link (harness/steps/mail.py)."""

from __future__ import annotations

import os
from pathlib import Path

from harness.steps.mail import link_sent_to, messages

SITE = "http://127.0.0.1:9001"


def _message(to: str, subject: str, body: str) -> str:
    return (f"Content-Type: text/plain; charset=\"utf-8\"\nMIME-Version: 1.0\nSubject: {subject}\n"
            f"From: webmaster@localhost\nTo: {to}\nDate: Sun, 06 Dec 2026 10:00:00 -0000\n\n{body}\n")


def _django_file(folder: Path, name: str, *mails: str, at: int) -> None:
    """One sending as Django's file backend writes it: each message, then a line of 79 dashes."""
    path = folder / name
    path.write_text("".join(m + "\n" + "-" * 79 + "\n" for m in mails), encoding="utf-8")
    os.utime(path, (at, at))


def test_the_newest_mail_to_the_persona_gives_the_sites_own_link(tmp_path: Path) -> None:
    _django_file(tmp_path, "a.log", _message("alex@example.test", "Password reset",
                                             f"Go to the following page:\n\n{SITE}/reset/old/\n"), at=1000)
    _django_file(tmp_path, "b.log",
                 _message("sam@example.test", "Password reset", f"{SITE}/reset/sam/\n"),
                 _message("Alex Morgan <alex@example.test>", "Password reset on 127.0.0.1:9001",
                          "See https://docs.example.org/help first.\nPlease go to the following page and choose a "
                          f"new password:\n\n{SITE}/reset/MQ/set-password/.\n\nThanks!"), at=2000)
    assert len(messages(tmp_path)) == 3
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/reset/MQ/set-password/", "")


def test_an_mbox_file_is_read_message_by_message(tmp_path: Path) -> None:
    box = tmp_path / "mail.log"
    box.write_text("".join(f"From sink@localhost Sun Dec  6 10:00:0{i} 2026\n" + _message(to, "Hello", f"{SITE}/{i}/")
                           for i, to in enumerate(["alex@example.test", "sam@example.test"])), encoding="utf-8")
    assert link_sent_to(box, "sam@example.test", SITE) == (f"{SITE}/1/", "")


def test_no_mail_to_the_persona_says_what_the_mailbox_holds(tmp_path: Path) -> None:
    _django_file(tmp_path, "a.log", _message("sam@example.test", "Welcome", "no link here"), at=1000)
    link, why = link_sent_to(tmp_path, "alex@example.test", SITE)
    assert link == "" and "no mail to alex@example.test" in why and "1 message(s), to: sam@example.test" in why
    assert link_sent_to(tmp_path, "sam@example.test", SITE) == \
        ("", "the mail to sam@example.test ('Welcome') holds no link")
    assert link_sent_to(tmp_path / "missing", "sam@example.test", SITE)[0] == ""


def test_mail_to_another_address_that_holds_the_persona_s_is_not_theirs(tmp_path: Path) -> None:
    _django_file(tmp_path, "a.log", _message("sam@example.test", "Reset", f"{SITE}/reset/sam/"), at=1000)
    _django_file(tmp_path, "b.log", _message("adam.sam@example.test", "Reset", f"{SITE}/reset/adam/"), at=2000)
    assert link_sent_to(tmp_path, "sam@example.test", SITE) == (f"{SITE}/reset/sam/", "")


def test_a_body_s_own_rule_or_line_beginning_from_does_not_cut_its_message(tmp_path: Path) -> None:
    # a plain-text mail's rule of dashes, a line that begins "From": the link after them is still the message's
    body = f"Hello,\n{'-' * 40}\nFrom here you can choose a new password:\n{SITE}/reset/MQ/\n"
    _django_file(tmp_path, "a.log", _message("alex@example.test", "Reset", body), at=1000)
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/reset/MQ/", "")
    box = tmp_path / "mbox"
    box.write_text("From sink@localhost Sun Dec  6 10:00:00 2026\n" + _message("alex@example.test", "Reset", body),
                   encoding="utf-8")
    assert link_sent_to(box, "alex@example.test", SITE) == (f"{SITE}/reset/MQ/", "")


def test_a_maildir_message_still_being_written_is_not_read(tmp_path: Path) -> None:
    for part in ("cur", "new", "tmp"):
        (tmp_path / part).mkdir()
    done = tmp_path / "new" / "1.host"
    done.write_text(_message("alex@example.test", "Reset", f"{SITE}/reset/MQ/"), encoding="utf-8")
    os.utime(done, (1000, 1000))
    (tmp_path / "tmp" / "2.host").write_text(_message("alex@example.test", "Reset", f"{SITE}/res"), encoding="utf-8")
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/reset/MQ/", "")


def test_a_mailbox_that_is_missing_or_holds_no_mail_is_said_to_be_so(tmp_path: Path) -> None:
    link, why = link_sent_to(tmp_path / "missing", "sam@example.test", SITE)
    assert link == "" and "does not exist" in why and "[tool.empathy] mailbox" in why, why
    picture = tmp_path / "logo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    link, why = link_sent_to(picture, "sam@example.test", SITE)
    assert link == "" and "holds no mail" in why and "[tool.empathy] mailbox" in why, why


def test_a_link_in_an_html_only_mail_is_read_as_a_browser_reads_its_address(tmp_path: Path) -> None:
    # the address in an href is HTML: "&amp;" between its query's parts is "&" to the browser
    html = ("Content-Type: text/html; charset=\"utf-8\"\nMIME-Version: 1.0\nSubject: Activate\n"
            "To: alex@example.test\n\n<p>Hello,</p>"
            f'<p><a href="{SITE}/activate?uid=MQ&amp;token=abc">Activate your account</a></p>\n')
    _django_file(tmp_path, "a.log", html, at=1000)
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/activate?uid=MQ&token=abc", "")


def test_an_html_mail_s_link_is_one_to_follow_not_its_logo(tmp_path: Path) -> None:
    # the site's logo drawn from its own host heads the mail: a picture's address is no link a person follows
    html = ("Content-Type: text/html; charset=\"utf-8\"\nMIME-Version: 1.0\nSubject: Activate\n"
            f'To: alex@example.test\n\n<img src="{SITE}/static/logo.png" alt="Shop">'
            f'<p><a href="{SITE}/activate/MQ/">Activate your account</a></p>\n')
    _django_file(tmp_path, "a.log", html, at=1000)
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/activate/MQ/", "")


def test_an_html_mail_of_unclosed_tags_is_read_in_one_pass(tmp_path: Path) -> None:
    # a style, script or head never closed, or a "<" with no ">", scanned the rest of the mail from each one: 300 KB
    # of them took minutes (15 s for 72 KB at load 25); read in one pass it takes a fraction of a second at any load
    import time

    hostile = '<style a>' * 12_000 + "<b " * 40_000 + "<script>" * 5_000 + "<head "
    html = ("Content-Type: text/html; charset=\"utf-8\"\nMIME-Version: 1.0\nSubject: Activate\n"
            f'To: alex@example.test\n\n<style>p {{}}</style><p><a href="{SITE}/activate/MQ/">Activate</a></p>'
            f"{hostile}\n")
    _django_file(tmp_path, "a.log", html, at=1000)
    began = time.monotonic()
    assert link_sent_to(tmp_path, "alex@example.test", SITE) == (f"{SITE}/activate/MQ/", "")
    assert time.monotonic() - began < 60, "a bound a thousand times what one pass takes"
