"""Seed pretalx (run by up.sh through `python -m pretalx shell`): an organiser, a community conference
whose call for proposals is open, an organiser account and a speaker with one proposal. Idempotent:
accounts and proposals from an earlier run are removed, so every run meets the same conference."""
import datetime as dt
import os

from django.utils.timezone import now
from django_scopes import scope, scopes_disabled
from pretalx.event.models import Event, Organiser, Team
from pretalx.person.models import SpeakerProfile, User
from pretalx.submission.models import Submission, SubmissionType, Track

password = os.environ["EMPATHY_SITE_PASSWORD"]
with scopes_disabled():
    admin = User.objects.filter(email="admin@example.org").first() or User.objects.create_superuser(
        password=password, email="admin@example.org", name="Alex Morgan")
    speaker = User.objects.filter(email="alex@example.test").first() or User.objects.create_user(
        password=password, email="alex@example.test", name="Alex Morgan")
    for user in (admin, speaker):
        user.set_password(password)
        user.save()
    User.objects.exclude(pk__in=[admin.pk, speaker.pk]).delete()

    orga = Organiser.objects.filter(slug="riverside").first()
    if orga is None:
        orga = Organiser.objects.create(name="Riverside Community Tech", slug="riverside")
    team, _ = Team.objects.get_or_create(organiser=orga, name="Organisers", defaults={
        "can_create_events": True, "can_change_teams": True, "can_change_organiser_settings": True,
        "can_change_event_settings": True, "can_change_submissions": True, "all_events": True})
    team.members.add(admin)

    event = Event.objects.filter(slug="techday").first()
    if event is None:
        start = (now() + dt.timedelta(days=75)).date()
        event = Event.objects.create(
            name="Riverside Community Tech Day 2027", slug="techday", organiser=orga, is_public=True,
            date_from=start, date_to=start + dt.timedelta(days=1), timezone="Europe/London",
            email="cfp@example.org", locale_array="en", locale="en",
            landing_page_text="# Riverside Community Tech Day\n\nTwo days of talks and workshops by and for "
                              "the people of Riverside: local makers, volunteers, students and small businesses.")
    with scope(event=event):
        event.build_initial_data()
        SubmissionType.objects.get_or_create(event=event, name="Workshop", defaults={"default_duration": 90})
        for name, color in (("Making and repairing", "#2d6a4f"), ("Community and volunteering", "#1d3557")):
            Track.objects.get_or_create(event=event, name=name, defaults={"color": color})
        event.cfp.headline = "Share what you know at Riverside Community Tech Day"
        event.cfp.text = ("We are looking for talks and workshops from anyone in Riverside: first-time "
                          "speakers are very welcome. Tell us what you would like to share; we will get "
                          "back to you within three weeks of the deadline.")
        event.cfp.deadline = now() + dt.timedelta(days=30)
        event.cfp.save()

        Submission.all_objects.filter(event=event).delete()
        talk = Submission.objects.create(
            event=event, title="Fixing bikes with what you have", submission_type=event.cfp.default_type,
            abstract="How the Saturday repair café keeps two hundred bikes a year on the road.",
            state="submitted", content_locale="en")
        talk.speakers.add(speaker)
        SpeakerProfile.objects.update_or_create(
            user=speaker, event=event, defaults={"biography": "Volunteer at the Riverside repair café."})
