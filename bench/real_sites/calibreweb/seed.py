"""Build calibre-web's two databases from nothing: a small Calibre library and the app's settings and users.

Why from nothing: every up.sh restores the seeded state, so what a run added (accounts, shelves, books on
shelves) is gone. Why calibre-web's own models: a Calibre library is a folder with a metadata.db, and
calibre-web reads it through these SQLAlchemy tables, so creating them with `create_all` gives it the
library it expects without installing Calibre (the books have metadata only, no files and no covers).
Usage: EMPATHY_SITE_PASSWORD=... python seed.py <data dir> <port> <smtp port>
"""
import os
import sys
import uuid
from datetime import UTC, datetime

from calibreweb.cps import config_sql, constants, db, ub
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

# (title, author, author_sort, tags, series and index or None, publisher, year, description)
BOOKS = [
    ("Pride and Prejudice", "Jane Austen", "Austen, Jane", ["Classics", "Romance"], None, "T. Egerton", 1813,
     "Elizabeth Bennet meets the proud Mr Darcy, and both have to think again."),
    ("Emma", "Jane Austen", "Austen, Jane", ["Classics", "Romance"], None, "John Murray", 1815,
     "A young woman in Highbury makes matches for everyone but herself."),
    ("Persuasion", "Jane Austen", "Austen, Jane", ["Classics", "Romance"], None, "John Murray", 1817,
     "Anne Elliot meets again the naval officer she was persuaded to refuse eight years before."),
    ("Great Expectations", "Charles Dickens", "Dickens, Charles", ["Classics"], None, "Chapman & Hall", 1861,
     "Pip, an orphan, is lifted into a gentleman's life by an unknown benefactor."),
    ("Bleak House", "Charles Dickens", "Dickens, Charles", ["Classics"], None, "Bradbury & Evans", 1853,
     "A lawsuit in Chancery drags on for generations and swallows everyone it touches."),
    ("Moby-Dick", "Herman Melville", "Melville, Herman", ["Classics", "Adventure"], None, "Harper & Brothers",
     1851, "Ishmael ships aboard the Pequod, whose captain hunts one white whale."),
    ("Frankenstein", "Mary Shelley", "Shelley, Mary", ["Gothic", "Science Fiction"], None, "Lackington", 1818,
     "A young scientist makes a living being and runs from what he has made."),
    ("Dracula", "Bram Stoker", "Stoker, Bram", ["Gothic", "Horror"], None, "Archibald Constable", 1897,
     "Letters and diaries tell of a count from Transylvania who comes to England."),
    ("A Study in Scarlet", "Arthur Conan Doyle", "Doyle, Arthur Conan", ["Mystery"], ("Sherlock Holmes", 1),
     "Ward Lock & Co", 1887, "Dr Watson meets Sherlock Holmes, and a body is found in Brixton."),
    ("The Sign of the Four", "Arthur Conan Doyle", "Doyle, Arthur Conan", ["Mystery"], ("Sherlock Holmes", 2),
     "Spencer Blackett", 1890, "Mary Morstan brings Holmes a pearl that arrives every year."),
    ("The Hound of the Baskervilles", "Arthur Conan Doyle", "Doyle, Arthur Conan", ["Mystery"],
     ("Sherlock Holmes", 3), "George Newnes", 1902, "A family curse, a moor and a gigantic hound."),
    ("Middlemarch", "George Eliot", "Eliot, George", ["Classics"], None, "William Blackwood", 1871,
     "Dorothea Brooke and the town of Middlemarch, their marriages and their hopes."),
]


# Calibre's own books table: the model declares series_index a string, but Calibre stores a REAL, and
# calibre-web's templates fail on a string there (create_all keeps a table that exists).
CALIBRE_BOOKS = """CREATE TABLE books (
    id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL DEFAULT 'Unknown' COLLATE NOCASE,
    sort TEXT COLLATE NOCASE, timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    pubdate TIMESTAMP DEFAULT CURRENT_TIMESTAMP, series_index REAL NOT NULL DEFAULT 1.0,
    author_sort TEXT COLLATE NOCASE, isbn TEXT DEFAULT '' COLLATE NOCASE, lccn TEXT DEFAULT '' COLLATE NOCASE,
    path TEXT NOT NULL DEFAULT '', flags INTEGER NOT NULL DEFAULT 1, uuid TEXT, has_cover BOOL DEFAULT 0,
    last_modified TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00+00:00')"""


def build_library(folder: str) -> str:
    """Write folder/metadata.db with the books above; return the library's uuid."""
    library_uuid = str(uuid.uuid4())
    # Some of the models name the schema "calibre", as calibre-web attaches the library under that name.
    engine = create_engine(f"sqlite:///{folder}/metadata.db")
    event.listen(engine, "connect",
                 lambda conn, _: conn.execute(f"attach database '{folder}/metadata.db' as calibre"))
    with engine.begin() as connection:
        connection.exec_driver_sql(CALIBRE_BOOKS)
    db.Base.metadata.create_all(engine)  # the other tables, as calibre-web's models declare them
    now = datetime.now(UTC)
    with Session(engine) as session:
        session.add(db.Library_Id(uuid=library_uuid))
        english = db.Languages(lang_code="eng")
        authors: dict[str, db.Authors] = {}
        tags: dict[str, db.Tags] = {}
        series: dict[str, db.Series] = {}
        publishers: dict[str, db.Publishers] = {}
        for title, author, author_sort, tag_names, in_series, publisher, year, blurb in BOOKS:
            if author not in authors:
                authors[author] = db.Authors(author, author_sort)
            if publisher not in publishers:
                publishers[publisher] = db.Publishers(publisher, publisher)
            book = db.Books(title, title, author_sort, now, datetime(year, 1, 1, tzinfo=UTC),
                            float(in_series[1]) if in_series else 1.0, now,
                            f"{author}/{title}", None, [], [])
            book.has_cover = 0
            book.uuid = str(uuid.uuid4())
            book.authors = [authors[author]]
            book.tags = [tags.setdefault(name, db.Tags(name)) for name in tag_names]
            book.languages = [english]
            book.publishers = [publishers[publisher]]
            if in_series:
                book.series = [series.setdefault(in_series[0], db.Series(in_series[0], in_series[0]))]
            session.add(book)
            session.flush()
            session.add(db.Comments(blurb, book.id))
        session.commit()
    return library_uuid


def build_app(folder: str, library: str, library_uuid: str, port: int, smtp_port: int, password: str) -> None:
    """Write folder/app.db: settings (library, port, mail sink, open registration) and the accounts."""
    ub.init_db(os.path.join(folder, "app.db"))  # creates admin (default password) and the guest user
    key, error = config_sql.get_encryption_key(folder)
    if error:
        raise SystemExit(error)
    config_sql.load_configuration(ub.session, key)
    settings = ub.session.query(config_sql._Settings).one()
    settings.config_calibre_dir = library
    settings.config_calibre_uuid = library_uuid
    settings.config_port = port
    settings.config_external_port = port
    settings.config_calibre_web_title = "Riverside Library"
    settings.config_public_reg = 1
    settings.config_default_role = constants.ROLE_DOWNLOAD | constants.ROLE_PASSWD | constants.ROLE_EDIT_SHELFS
    settings.config_default_show = constants.ADMIN_USER_SIDEBAR
    settings.mail_server = "127.0.0.1"
    settings.mail_port = smtp_port
    settings.mail_use_ssl = 0
    settings.mail_login = ""
    settings.mail_from = "Riverside Library <library@example.test>"
    # Sign-in attempts are limited to 3 a minute per name by default: the journeys here sign the same
    # account in more often than that within a minute, so the limit is off (an administrator's setting).
    settings.config_ratelimiter = False
    admin = ub.session.query(ub.User).filter(ub.User.name == "admin").one()
    admin.password = generate_password_hash(password)
    admin.email = "admin@example.org"
    # sam is there for "Forgot Password?", which at once replaces the account's password with a new one
    # sent by mail: the journeys that reset a password use sam, so alex keeps the seeded password.
    for name in ("alex", "sam"):
        user = ub.User()
        user.name = name
        user.email = f"{name}@example.test"
        user.role = settings.config_default_role
        user.sidebar_view = constants.ADMIN_USER_SIDEBAR
        user.password = generate_password_hash(password)
        ub.session.add(user)
    ub.session.flush()
    alex = ub.session.query(ub.User).filter(ub.User.name == "alex").one()
    shelf = ub.Shelf(name="Summer reading", user_id=alex.id, is_public=0)
    ub.session.add(shelf)
    ub.session.flush()
    for order, book_id in enumerate((1, 9), start=1):
        shelf.books.append(ub.BookShelf(book_id=book_id, order=order))
    ub.session.commit()


def main() -> None:
    data, port, smtp_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    password = os.environ["EMPATHY_SITE_PASSWORD"]
    library = os.path.join(data, "library")
    os.makedirs(library)
    build_app(data, library, build_library(library), port, smtp_port, password)
    print(f"seeded {len(BOOKS)} books, accounts admin, alex and sam")


if __name__ == "__main__":
    main()
