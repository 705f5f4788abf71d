"""Reset the database to the seeded project: "Riverside House", four members, three bills.

Run with the site's venv and IHATEMONEY_SETTINGS_FILE_PATH set; the project's private code is
$EMPATHY_SITE_PASSWORD. Everything a harness run added (projects, members, bills) is removed.
"""
import datetime
import os

from ihatemoney.models import Bill, Person, Project, db
from ihatemoney.run import create_app
from ihatemoney.utils import generate_password_hash

MEMBERS = ["Alex", "Sam", "Priya", "Jordan"]
BILLS = [  # (what, payer, amount, days ago)
    ("Groceries for the week", "Alex", 42.50, 6),
    ("Electricity bill", "Sam", 96.00, 4),
    ("Cleaning supplies", "Priya", 18.20, 1),
]


def main() -> None:
    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        project = Project(id="riverside-house", name="Riverside House", contact_email="alex@example.test",
                          password=generate_password_hash(os.environ["EMPATHY_SITE_PASSWORD"]),
                          default_currency="GBP")
        db.session.add(project)
        people = {name: Person(name=name, project=project) for name in MEMBERS}
        db.session.add_all(people.values())
        db.session.flush()
        today = datetime.date.today()
        for what, payer, amount, ago in BILLS:
            db.session.add(Bill(amount=amount, date=today - datetime.timedelta(days=ago), what=what,
                                payer_id=people[payer].id, owers=list(people.values()),
                                original_currency="GBP", project_default_currency="GBP"))
        db.session.commit()


if __name__ == "__main__":
    main()
