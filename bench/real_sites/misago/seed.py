"""Seed the proving ground's Misago (run through `django-admin shell` by up.sh, once per stamp).

The forum of a community garden: two accounts (alex, a member; admin, the administrator), three categories and
four threads with replies, search vectors built as Misago's posting API builds them. Registration asks for
activation by an e-mailed link; avatars are drawn locally (never fetched from Gravatar).
"""
import os
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from misago.cache.versions import get_cache_versions
from misago.categories.models import Category
from misago.conf.dynamicsettings import DynamicSettings
from misago.conf.models import Setting
from misago.threads.checksums import update_post_checksum
from misago.threads.models import Post, Thread
from misago.users.setupnewuser import setup_new_user

password = os.environ["EMPATHY_SITE_PASSWORD"]
site_url = os.environ["SITE_URL"]
User = get_user_model()

SETTINGS = {
    "forum_name": "Riverside Community Garden",
    "logo_text": "Riverside Community Garden",
    "forum_address": site_url,
    "index_header": "Riverside Community Garden forum",
    "index_title": "Riverside Community Garden forum",
    "account_activation": "user",
    "default_avatar": "dynamic",
    "default_gravatar_fallback": "dynamic",
}
for name, value in SETTINGS.items():
    Setting.objects.filter(setting=name).update(dry_value=value)
settings = DynamicSettings(get_cache_versions())


def member(username, email, real_name, superuser=False):
    make = User.objects.create_superuser if superuser else User.objects.create_user
    user = make(username, email, password)
    user.profile_fields = {"real_name": real_name, "location": "Riverside"}
    user.save(update_fields=["profile_fields"])
    setup_new_user(settings, user)
    return user


admin = member("admin", "admin@example.org", "Robin Hale", superuser=True)
alex = member("alex", "alex@example.test", "Alex Morgan")
sam = member("sam", "sam@example.test", "Sam Taylor")

root = Category.objects.root_category()
first = Category.objects.get(slug="first-category")
first.set_name("Plots and growing")
first.description = "Seeds, soil, pests and what is coming up on the plots."
first.save()


def category(name, description):
    new = Category(description=description)
    new.set_name(name)
    new.insert_at(root, position="last-child", save=True)
    for acl in first.category_role_set.all():
        new.category_role_set.create(role_id=acl.role_id, category_role_id=acl.category_role_id)
    return new


events = category("Work days and events", "Work days, the harvest supper and other dates for the diary.")
tools = category("Tools and the shed", "Borrowing tools, the shed's key, and what needs mending.")

start = timezone.now() - timedelta(days=9)


def thread(where, title, posts):
    """A thread of (author, text) posts, an hour apart, as the posting API would save them."""
    global start
    start += timedelta(days=1)
    new = Thread(category=where, started_on=start, last_post_on=start, starter_name="-", starter_slug="-",
                 last_poster_name="-", last_poster_slug="-")
    new.set_title(title)
    new.save()
    for number, (author, text) in enumerate(posts):
        when = start + timedelta(hours=number)
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
        post = Post.objects.create(category=where, thread=new, poster=author, poster_name=author.username,
                                   original=text, parsed=paragraphs, posted_on=when, updated_on=when)
        post.set_search_document(title if number == 0 else None)
        update_post_checksum(post)
        post.save()
        post.update_search_vector()  # an SQL expression over the saved document: a second save
        post.save(update_fields=["search_vector"])
    new.synchronize()
    new.save()


thread(first, "Slugs on the lettuce beds", [
    (alex, "The slugs have found the lettuces on plot 4 again. Has anyone tried copper tape or wool pellets?"),
    (sam, "Wool pellets worked for me last spring. Put them down after rain, not before."),
    (admin, "We have a bag of wool pellets in the shed, on the shelf by the door. Help yourselves."),
])
thread(first, "When to sow broad beans", [
    (sam, "Is it too late to sow broad beans outside this month?"),
    (alex, "Aquadulce can go in until the end of November. I sowed mine last week."),
])
thread(events, "Autumn work day: Saturday 14 November", [
    (admin, "Our autumn work day is on Saturday 14 November, 10:00 to 15:00. We will clear the pond, turn the "
            "compost and mend the fence by the gate.\n\nSoup at one o'clock. Bring gloves if you have them."),
    (alex, "I can bring a wheelbarrow and stay until two."),
])
thread(tools, "The hedge trimmer needs a new blade", [
    (alex, "The hedge trimmer in the shed cuts badly: the blade is blunt and bent at the tip."),
    (admin, "Thanks for telling us. A new blade is ordered; please use the shears until it comes."),
])
for each in (first, events, tools):
    each.synchronize()
    each.save()
print("seeded: admin, alex, sam; three categories, four threads")
