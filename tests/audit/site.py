"""A small shop-like test site for the audit that records every request it is sent (host, method, path)."""

from __future__ import annotations

from typing import Any

from flask import Flask, redirect, request

PAGE = ("<!doctype html><html lang=en><head><title>{title}</title>{head}</head>"
        "<body><h1>{title}</h1>{body}</body></html>")


def page(title: str, body: str, head: str = "") -> str:
    return PAGE.format(title=title, body=body, head=head)


def form(action: str, fields: str, button: str, method: str = "post") -> str:
    return f'<form method="{method}" action="{action}">{fields}<button type="submit">{button}</button></form>'


def field(label: str, name: str, kind: str = "text", extra: str = "") -> str:
    tag = (f'<textarea id="{name}" name="{name}"></textarea>' if kind == "textarea" else
           f'<input id="{name}" name="{name}" type="{kind}" {extra}>')
    return f'<p><label for="{name}">{label}</label>{tag}</p>'


def recording_app(log: list[tuple[str, str]]) -> Any:
    """A Flask app that writes down (method, path) of every request it is sent; routes are the caller's."""
    app = Flask(__name__)

    @app.before_request
    def record() -> None:
        log.append((request.method, request.path))

    return app


def make_site(log: list[tuple[str, str, str]], password: str = "") -> Any:
    """The site; with `password`, any username signs in with it and sees an account area."""
    app = Flask(__name__)

    @app.before_request
    def record() -> None:
        log.append((request.host.split(":")[0], request.method, request.path))

    @app.get("/")
    def home() -> str:
        other = f"http://localhost:{request.host.split(':')[1]}"
        links = ['<a href="/about">About us</a>', '<a href="/contact">Contact</a>', '<a href="/shop/">Shop</a>',
                 '<a href="/signup">Sign up</a>', '<a href="/logout">Log out</a>',
                 '<a href="/secret" rel="nofollow">Secret</a>', '<a href="/items/1/delete">Remove item</a>',
                 f'<a href="{other}/elsewhere">Partner site</a>', '<a href="/quiet">Quiet page</a>',
                 '<a href="/account/sign-in">Your account</a>']
        search = form("/search", field("Search the site", "q", "search"), "Search", method="get")
        return page("Home", "<nav>" + " ".join(links) + "</nav>" + search + f'<img src="{other}/pixel.png" alt="">')

    @app.get("/about")
    def about() -> str:
        return page("About us", "<p>We sell things.</p><a href='/'>Home</a>")

    @app.get("/quiet")
    def quiet() -> str:
        return page("Quiet", "<a href='/hidden'>Hidden</a>", head='<meta name="robots" content="nofollow">')

    @app.route("/contact", methods=["GET", "POST"])
    def contact() -> str:
        fields = field("Your name", "name") + field("Email", "email", "email") + field("Message", "message",
                                                                                        "textarea")
        return page("Contact us", form("/contact", fields, "Send message"))

    @app.route("/shop/", methods=["GET", "POST"])
    def shop() -> Any:
        if request.method == "POST":
            return redirect("/shop/pay", code=303)
        return page("Your basket", form("/shop/", field("Email address", "email", "email"), "Continue"))

    @app.route("/shop/pay", methods=["GET", "POST"])
    def pay() -> str:
        card = field("Card number", "card", extra='autocomplete="cc-number"')
        return page("Payment", form("/shop/pay", card, "Pay now"))

    @app.route("/signup", methods=["GET", "POST"])
    def signup() -> str:
        if request.method == "POST":
            return page("Welcome", "<p>Your account is ready. We sent you an e-mail.</p>")
        fields = field("Full name", "name") + field("Email address", "email", "email", "required")
        return page("Create an account", form("/signup", fields, "Create account"))

    @app.route("/account/sign-in", methods=["GET", "POST"])
    def sign_in() -> Any:
        if request.method == "POST" and request.form.get("password") == password and request.form.get("username"):
            response = redirect("/account/", code=303)
            response.set_cookie("who", request.form["username"])
            return response
        fields = field("Username", "username", extra='autocomplete="username"') + field("Password", "password",
                                                                                         "password")
        return page("Sign in", form("/account/sign-in", fields, "Sign in"))

    @app.route("/club", methods=["GET", "POST"])
    def club() -> str:  # linked from no page: a main form that asks for an e-mail beside a sidebar's sign-in box
        join = form("/club", field("Full name", "name") + field("Email", "email", "email"), "Join the club")
        box = ('<aside><form method="post" action="/account/sign-in"><b>Login</b> <input name="username" required>'
               ' <input type="password" name="password" required> <button type="submit">Log in</button></form></aside>')
        return page("The club", "<main>" + join + "</main>" + box)

    @app.get("/account/")
    def account() -> Any:
        if not request.cookies.get("who"):
            return redirect("/account/sign-in", code=303)
        return page("Your account", "<a href='/account/profile'>Your details</a> <a href='/account/settings'>"
                    "Settings</a> <a href='/'>Home</a>")

    @app.route("/account/settings", methods=["GET", "POST"])
    def settings() -> Any:  # what is on file, shown to be changed: saving it unasked changes the account
        if not request.cookies.get("who"):
            return redirect("/account/sign-in", code=303)
        fields = field("Display name", "shown", extra=f'value="{request.cookies["who"]}"') + field(
            "Email", "email", "email", 'value="kim@example.test"')
        return page("Settings", form("/account/settings", fields, "Save"))

    @app.route("/account/profile", methods=["GET", "POST"])
    def profile() -> Any:
        if not request.cookies.get("who"):
            return redirect("/account/sign-in", code=303)
        return page("Your details", form("/account/profile", field("Full name", "name"), "Save details"))

    @app.route("/orphan", methods=["GET", "POST"])
    def orphan() -> str:  # linked from no page; its list's filter box has no name, so it is not sent
        fields = field("Your name", "name") + '<p><label for="f">Filter</label><input id="f" type="text"></p>'
        lists = "<a href='/list?sort=name'>By name</a> <a href='/list?sort=date'>By date</a>"
        return page("Tell us", form("/orphan", fields, "Save") + lists)

    @app.get("/list")
    def listing() -> str:  # one list, sorted two ways: one form
        return page("Items", form("", field("Name", "name"), "Find", method="get"))

    @app.get("/secret")
    def secret() -> str:
        return page("Secret", "<p>Linked with rel=nofollow.</p>")

    @app.get("/search")
    def search() -> str:
        return page("Search results", "<p>Nothing found.</p>")

    return app
