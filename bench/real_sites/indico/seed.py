"""Seed Indico for the proving ground: two accounts, the garden's category and a meeting with an open
registration form. Run by up.sh with INDICO_CONFIG set, once per stamp, on a freshly prepared database.

Accounts (password $EMPATHY_SITE_PASSWORD): alex (Alex Morgan, alex@example.test), a member of the
garden who may create events in its category, and admin (Robin Hale, admin@example.org), Indico's
administrator and the category's manager. The meeting "Autumn Harvest Festival" (20 March 2027 in
the garden) has the form "Volunteer sign-up": Indico's personal data section (first name, last name,
e-mail, affiliation …) and a section "Your help" with "Number of guests" (0 to 4) and "Anything we
should know?" (free text), open until 19 March 2027, without the form's CAPTCHA (the organiser's choice);
the lecture "Composting for beginners" beside it.
"""
import os
from datetime import datetime, timedelta

import pytz
from flask import session
from indico.core.db import db
from indico.web.flask.app import make_app

password = os.environ["EMPATHY_SITE_PASSWORD"]
app = make_app()
with app.test_request_context():
    from indico.modules.auth import Identity
    from indico.modules.categories import Category
    from indico.modules.categories.models.categories import EventCreationMode
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event
    from indico.modules.events.registration.models.form_fields import RegistrationFormField, RegistrationFormFieldData
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.items import RegistrationFormSection
    from indico.modules.events.registration.models.registrations import PublishRegistrationsMode
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.modules.users.operations import create_user

    def account(username, email, first, last, affiliation):
        identity = Identity(provider="indico", identifier=username, password=password)
        user = create_user(email, {"first_name": first, "last_name": last, "affiliation": affiliation}, identity)
        db.session.add(user)
        return user

    admin = account("admin", "admin@example.org", "Robin", "Hale", "Riverside Community Garden")
    admin.is_admin = True
    alex = account("alex", "alex@example.test", "Alex", "Morgan", "Riverside Community Garden")
    db.session.flush()
    session.set_session_user(admin)

    root = Category.get_root()
    root.title = "Riverside events"
    garden = Category(parent=root, title="Riverside Community Garden",
                      description="Work days, talks and the harvest festival of the garden on Mill Lane.",
                      event_creation_mode=EventCreationMode.open)
    db.session.add(garden)
    db.session.flush()
    garden.update_principal(admin, full_access=True)

    tz = pytz.timezone("Europe/London")
    start = tz.localize(datetime(2027, 3, 20, 10, 0))
    festival = create_event(garden, EventType.meeting, {
        "title": "Autumn Harvest Festival",
        "description": "A day of apple pressing, soup and stalls in the garden. Volunteers welcome.",
        "start_dt": start, "end_dt": start + timedelta(hours=6), "timezone": "Europe/London",
        "creator": admin, "location_data": {"venue_name": "Riverside Community Garden",
                                            "room_name": "", "address": "Mill Lane", "inheriting": False},
    })
    set_feature_enabled(festival, "registration", True)
    create_event(garden, EventType.lecture, {
        "title": "Composting for beginners",
        "description": "A short talk on hot and cold composting, with questions.",
        "start_dt": tz.localize(datetime(2027, 2, 6, 14, 0)), "end_dt": tz.localize(datetime(2027, 2, 6, 15, 0)),
        "timezone": "Europe/London", "creator": admin,
    })

    regform = RegistrationForm(event=festival, title="Volunteer sign-up", currency="GBP",
                               introduction="Tell us you are coming to help on the day.", require_captcha=False,
                               start_dt=datetime.now(pytz.utc) - timedelta(days=1),
                               end_dt=tz.localize(datetime(2027, 3, 19, 23, 0)),
                               publish_registrations_participants=PublishRegistrationsMode.show_all,
                               publish_registrations_public=PublishRegistrationsMode.hide_all)
    create_personal_data_fields(regform)
    db.session.add(regform)
    db.session.flush()
    help_section = RegistrationFormSection(registration_form=regform, title="Your help", position=2)
    db.session.add(help_section)
    db.session.flush()
    for position, (title, input_type, data, required) in enumerate([
        ("Number of guests", "number", {"min_value": 0, "max_value": 4}, False),
        ("Anything we should know?", "textarea", {}, False),
    ], start=1):
        field = RegistrationFormField(parent_id=help_section.id, registration_form=regform, title=title,
                                      input_type=input_type, is_required=required, position=position)
        field.data, versioned = field.field_impl.process_field_data(data)
        field.current_data = RegistrationFormFieldData(versioned_data=versioned)
        db.session.add(field)
    db.session.commit()
    print("seeded: users", admin.id, alex.id, "event", festival.id, "regform", regform.id)
