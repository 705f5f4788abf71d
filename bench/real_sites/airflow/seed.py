"""Seed Airflow's database (run by up.sh once per stamp, on a freshly migrated copy): the roles, two accounts,
the garden's DAGs (only "watering_run" unpaused), two variables, a pool and a connection."""
from __future__ import annotations

import os

from airflow.models import Connection, DagBag, DagModel, Pool, Variable
from airflow.providers.fab.auth_manager.cli_commands.utils import get_application_builder
from airflow.utils.session import create_session

password = os.environ["EMPATHY_SITE_PASSWORD"]
accounts = [("admin", "Robin", "Hale", "admin@example.org", "Admin"),
            ("alex", "Alex", "Morgan", "alex@example.test", "Op")]

with get_application_builder() as appbuilder:
    sm = appbuilder.sm
    sm.sync_roles()
    for username, first, last, email, role in accounts:
        if sm.find_user(username=username) is None:
            sm.add_user(username, first, last, email, sm.find_role(role), password)

DagBag(os.environ["AIRFLOW__CORE__DAGS_FOLDER"], include_examples=False).sync_to_db()
Variable.set("garden_name", "Riverside Community Garden", description="Shown in the reports' titles")
Variable.set("watering_limit_litres", "200", description="The most one watering run may use")
Pool.create_or_update_pool("greenhouse_valves", slots=2, description="The greenhouse has two valves",
                           include_deferred=False)
with create_session() as session:
    session.add(Connection(conn_id="garden_sensors", conn_type="http", host="sensors.example.test",
                           description="The plots' soil-moisture sensors"))
    session.query(DagModel).filter(DagModel.dag_id == "watering_run").update({"is_paused": False})
print("seeded")
