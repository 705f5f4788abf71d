"""The garden's DAGs, seeded for the proving ground: a watering run triggered by hand with a form of
params (the trigger form's journeys), a nightly harvest report and a paused newsletter."""
from __future__ import annotations

import datetime as dt

from airflow import DAG
from airflow.models.param import Param
from airflow.operators.bash import BashOperator

start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)

with DAG(
    "watering_run",
    description="Water the plots on demand, with the volume and the volunteer to tell",
    schedule=None,
    start_date=start,
    catchup=False,
    tags=["garden", "volunteers"],
    params={
        "plot": Param("North beds", type="string", enum=["North beds", "Greenhouse", "Orchard", "Herb spiral"],
                      title="Plot", description="Which plot to water."),
        "litres": Param(20, type="integer", minimum=1, maximum=200, title="Litres",
                        description="How much water, in litres (1 to 200)."),
        "volunteer_email": Param("alex@example.test", type="string", format="idn-email", title="Volunteer's e-mail",
                                 description="Who to tell when the watering is done."),
        "note": Param("", type=["null", "string"], title="Note", description="Anything the volunteer should know."),
    },
) as watering:
    BashOperator(task_id="open_valves", bash_command="echo watering {{ params.plot }} with {{ params.litres }} litres")
    BashOperator(task_id="tell_volunteer", bash_command="echo telling {{ params.volunteer_email }}")

with DAG(
    "harvest_report",
    description="Collect the week's harvest weights into the report",
    schedule="0 6 * * *",
    start_date=start,
    catchup=False,
    tags=["garden", "reports"],
) as harvest:
    collect = BashOperator(task_id="collect_weights", bash_command="echo collecting")
    collect >> BashOperator(task_id="write_report", bash_command="echo writing")

with DAG(
    "newsletter_send",
    description="Send the monthly newsletter to members",
    schedule="0 9 1 * *",
    start_date=start,
    catchup=False,
    tags=["members"],
) as newsletter:
    BashOperator(task_id="send", bash_command="echo sending")
