"""Seed pretix (run by up.sh through `python -m pretix shell`): an organizer, an event on sale with two
tickets, questions, manual payment, and a back-office account. Idempotent; orders from an earlier run
are removed so every run starts with the same event."""
import datetime as dt
import os

from django.utils.timezone import now
from django_scopes import scopes_disabled
from pretix.base.models import (
    Event,
    Item,
    Order,
    OrderFee,
    OrderPayment,
    OrderPosition,
    OrderRefund,
    Organizer,
    Question,
    Quota,
    Team,
    Transaction,
    User,
)

password = os.environ["EMPATHY_SITE_PASSWORD"]
with scopes_disabled():
    user = User.objects.filter(email="admin@example.org").first() or User.objects.create_user("admin@example.org")
    user.fullname, user.is_staff = "Alex Morgan", True
    user.set_password(password)
    user.save()

    orga, _ = Organizer.objects.get_or_create(slug="riverside", defaults={"name": "Riverside Arts Club"})
    team, _ = Team.objects.get_or_create(organizer=orga, name="Administrators", defaults={
        "all_events": True, "all_event_permissions": True, "all_organizer_permissions": True})
    team.members.add(user)

    event = Event.objects.filter(organizer=orga, slug="autumn-concert").first()
    if event is None:
        start = (now() + dt.timedelta(days=30)).replace(hour=19, minute=30, second=0, microsecond=0)
        event = Event.objects.create(
            organizer=orga, slug="autumn-concert", name="Autumn Concert", currency="EUR",
            date_from=start, date_to=start + dt.timedelta(hours=2), location="Riverside Hall, 12 Mill Lane",
            plugins="pretix.plugins.manualpayment,pretix.plugins.ticketoutputpdf")
        adult = Item.objects.create(event=event, name="Adult ticket", default_price=25, admission=True)
        concession = Item.objects.create(event=event, name="Concession (students, over 65s)",
                                         default_price=15, admission=True)
        quota = Quota.objects.create(event=event, name="Hall", size=120)
        quota.items.add(adult, concession)
        hear = Question.objects.create(event=event, question="How did you hear about the concert?",
                                       type=Question.TYPE_STRING, required=False, position=1)
        access = Question.objects.create(event=event, question="Do you need step-free access?",
                                         type=Question.TYPE_BOOLEAN, required=False, position=2)
        for q in (hear, access):
            q.items.add(adult, concession)
        event.settings.set("payment_manual__enabled", True)
        event.settings.set("payment_manual_public_name", "Pay at the box office")
        event.settings.set("payment_manual_checkout_description",
                           "Pay in cash or by card at the box office before the concert starts.")
        event.settings.set("payment_manual_email_instructions",
                           "Please pay at the box office before the concert starts.")
        event.settings.set("payment_manual_pending_description",
                           "Please pay at the box office before the concert starts.")
        event.settings.set("attendee_names_asked", True)
        event.settings.set("contact_mail", "tickets@example.org")
        event.settings.set("imprint_url", "http://127.0.0.1:8803/riverside/")
        event.live = True
        event.save()
    # Orders are protected by their payments, positions and transactions: remove those first.
    for model in (Transaction, OrderPayment, OrderRefund, OrderFee):
        model.objects.filter(order__event=event).delete()
    OrderPosition.all.filter(order__event=event).delete()
    Order.objects.filter(event=event).delete()
