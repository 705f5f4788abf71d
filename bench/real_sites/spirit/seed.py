"""Reset the forum to its seeded state: two accounts, three categories, four topics with replies.

Run by up.sh with the project on sys.path (DJANGO_SETTINGS_MODULE=forum.settings.bench) and the
accounts' password in EMPATHY_SITE_PASSWORD. Every run removes what a bench run added (accounts,
topics, replies) so each run meets the same forum; the search index is rebuilt by up.sh after it.
"""

import os

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from djconfig import reload_maybe  # noqa: E402
from spirit.admin.forms import BasicConfigForm  # noqa: E402
from spirit.category.models import Category  # noqa: E402
from spirit.comment.forms import CommentForm  # noqa: E402
from spirit.comment.models import Comment  # noqa: E402
from spirit.topic.forms import TopicForm  # noqa: E402
from spirit.topic.models import Topic  # noqa: E402

PASSWORD = os.environ["EMPATHY_SITE_PASSWORD"]
User = get_user_model()

CATEGORIES = {
    "Allotments": "Plots, waiting list, shared tools and the water rota.",
    "Seed swap": "Offer and ask for seeds, cuttings and seedlings.",
    "Help and questions": "Ask the committee or other members anything about the club.",
}
TOPICS = [
    ("alex", "Allotments", "Water rota for the summer",
     "The rota for June to August is up on the shed door. Reply here to swap a week."),
    ("admin", "Help and questions", "How to join the club",
     "Membership is free. Register on this forum, then come to any Saturday work morning."),
    ("alex", "Seed swap", "Spare runner bean seeds",
     "I have two packets of runner bean seeds (Scarlet Emperor) to give away."),
    ("admin", "Allotments", "Plot 14 is available",
     "Plot 14 by the east gate is free from next month. Reply if you would like it."),
]


def account(username: str, first: str, last: str, email: str, admin: bool) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name, user.email = first, last, email
    user.is_staff = user.is_superuser = admin
    user.is_active = True
    user.set_password(PASSWORD)
    user.save()
    user.st.is_verified = True
    user.st.is_administrator = admin
    user.st.nickname = username
    user.st.location = ""
    user.st.last_post_hash = ""
    user.st.save()
    return user


def main() -> None:
    Topic.objects.all().delete()
    # SQLite never reuses an AUTOINCREMENT id: restart the counters so that the seeded topics keep the
    # addresses the features open (/topic/1/..., /topic/3/...) after every reseed.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_sequence WHERE name IN (%s, %s)",
                       [Topic._meta.db_table, Comment._meta.db_table])
    User.objects.exclude(username__in=["admin", "alex"]).delete()
    users = {
        "admin": account("admin", "Robin", "Hale", "admin@example.test", True),
        "alex": account("alex", "Alex", "Morgan", "alex@example.test", False),
    }
    config = BasicConfigForm(data={
        "site_name": "Riverside Gardeners",
        "site_description": "The forum of the Riverside Gardeners' Club",
        "template_footer": "",
        "comments_per_page": 20,
        "topics_per_page": 20,
    })
    assert config.is_valid(), config.errors
    config.save()
    reload_maybe()
    Category.objects.filter(is_private=False).exclude(title__in=CATEGORIES).update(is_removed=True)
    for title, description in CATEGORIES.items():
        Category.objects.update_or_create(
            title=title, defaults={"description": description, "is_removed": False})
    for username, category, title, text in TOPICS:
        user = users[username]
        category_id = Category.objects.get(title=category).pk
        form = TopicForm(user=user, data={"title": title, "category": category_id})
        cform = CommentForm(user=user, data={"comment": text})
        assert form.is_valid() and cform.is_valid(), (form.errors, cform.errors)
        cform.topic = form.save()
        cform.save()


if __name__ == "__main__":
    main()
