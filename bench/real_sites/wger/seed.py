"""Seed wger once for the proving ground: its own fixtures, the accounts alex and admin, alex's data.

Run with DJANGO_SETTINGS_MODULE=settings (this folder on PYTHONPATH) on a freshly migrated database;
up.sh keeps a copy of the result and restores it on every start.
"""
import datetime
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import django

django.setup()

import wger  # noqa: E402
from django.apps import apps  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402

PASSWORD = os.environ["EMPATHY_SITE_PASSWORD"]


def load_fixture(name: str) -> None:
    """Load one of wger's fixtures, leaving out fields its models no longer have (the PyPI release's
    exercise fixtures are older than its models)."""
    path = next(Path(wger.__file__).parent.glob(f"*/fixtures/{name}.json"))
    rows = json.loads(path.read_text())
    for row in rows:
        model = apps.get_model(row["model"])._meta
        fields = {f.name for f in model.get_fields()} | {f.attname for f in model.concrete_fields}
        row["fields"] = {k: v for k, v in row["fields"].items() if k in fields}
        for field in model.concrete_fields:  # dates the old fixtures lack
            if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
                stamp = "2022-10-01T00:00:00Z" if field.get_internal_type() == "DateTimeField" else "2022-10-01"
                row["fields"].setdefault(field.name, stamp)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(rows, out)
    call_command("loaddata", out.name, verbosity=0)
    os.unlink(out.name)


# The order of wger's own `load-fixtures` task (gym first: the users' profiles point to it).
for name in ("gym", "languages", "groups", "users", "licenses", "days_of_week",
             "setting_repetition_units", "setting_weight_units", "language_config", "gym_config",
             "equipment", "muscles", "categories", "exercise-base-data", "exercises",
             "gym-config", "gym-adminconfig"):
    load_fixture(name)

admin = User.objects.get(username="admin")
admin.first_name, admin.last_name, admin.email = "Robin", "Hale", "admin@example.test"
admin.set_password(PASSWORD)
admin.save()

alex = User.objects.create_user("alex", "alex@example.test", PASSWORD, first_name="Alex", last_name="Morgan")
profile = alex.userprofile
profile.email_verified = True
profile.age, profile.height, profile.gender = 34, 172, "1"
profile.save()

from wger.core.models import DaysOfWeek, Language  # noqa: E402
from wger.exercises.models import Exercise  # noqa: E402
from wger.manager.models import Day, Set, Setting, Workout  # noqa: E402
from wger.nutrition.models import Ingredient, Meal, MealItem, NutritionPlan  # noqa: E402
from wger.weight.models import WeightEntry  # noqa: E402

today = datetime.date(2026, 12, 1)
for days_ago, kilos in ((28, "74.2"), (21, "73.8"), (14, "73.5"), (7, "73.1")):
    WeightEntry.objects.create(user=alex, date=today - datetime.timedelta(days=days_ago), weight=Decimal(kilos))

english = Language.objects.get(short_name="en")
workout = Workout.objects.create(user=alex, name="Riverside strength", description="Twice a week before work")
for label, weekday, exercises in (("Legs and back", 1, ("Squats", "Deadlifts")),
                                  ("Chest and arms", 4, ("Bench Press", "Biceps Curls With Barbell"))):
    day = Day.objects.create(training=workout, description=label)
    day.day.add(DaysOfWeek.objects.get(pk=weekday))
    for order, name in enumerate(exercises, 1):
        exercise = Exercise.objects.get(name__iexact=name, language=english)
        one_set = Set.objects.create(exerciseday=day, sets=3, order=order)
        Setting.objects.create(set=one_set, exercise_base=exercise.exercise_base, reps=8, order=1)

foods = {}
for name, energy, protein, carbs, fat in (("Porridge oats", 379, "13.2", "60.4", "7.0"),
                                          ("Semi-skimmed milk", 50, "3.6", "4.8", "1.7"),
                                          ("Banana", 89, "1.1", "22.8", "0.3"),
                                          ("Wholemeal bread", 247, "13.0", "41.0", "3.4"),
                                          ("Cheddar cheese", 403, "25.0", "1.3", "33.0")):
    foods[name] = Ingredient.objects.create(
        language=english, name=name, energy=energy, protein=Decimal(protein), carbohydrates=Decimal(carbs),
        fat=Decimal(fat))
plan = NutritionPlan.objects.create(user=alex, language=english, description="Training days")
breakfast = Meal.objects.create(plan=plan, order=1, name="Breakfast")
for order, (name, grams) in enumerate((("Porridge oats", 60), ("Semi-skimmed milk", 200), ("Banana", 120)), 1):
    MealItem.objects.create(meal=breakfast, ingredient=foods[name], amount=grams, order=order)
print("seeded: admin, alex (a workout, a nutrition plan, four weights)")
