#!/usr/bin/env bash
# Apache Airflow 2.11 (PyPI `apache-airflow`, the last 2.x line), the workflow scheduler: its Flask-AppBuilder web UI
# (database sign-in), the garden's three DAGs (`dags/`), a DAG run's trigger form with params, connections,
# variables and pools; SQLite and the SequentialExecutor; the web server (gunicorn, one worker) on
# 127.0.0.1:9031 and the scheduler, one process group. Idempotent: installs into .work/ once; the database is
# migrated once per installed version and seeded once per stamp (seed.py, the DAGs, the password), and every run
# puts the seeded copy over the served one with the server stopped (DAG runs, connections and variables a run
# added are gone). Airflow's web UI sends no mail. Accounts: alex (Alex Morgan, the Op role) and admin
# (Robin Hale, Admin); password $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=9031
url="http://127.0.0.1:$port/home"; health="http://127.0.0.1:$port/health"
. "$here/../lib.sh"
# cryptography held at 44 (as Airflow 2.11's constraints): the newest one's Fernet is Rust, which Airflow cannot mark.
ensure_venv "apache-airflow==2.11.2" "cryptography==44.0.3"
for key in secret fernet; do
    if [ ! -s "$work/$key" ]; then
        "$work/venv/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode(), end="")' \
            > "$work/$key"
    fi
done
home="$work/home"; mkdir -p "$home"; cp "$here/webserver_config.py" "$home/"
# PATH: the SequentialExecutor runs each task as `airflow tasks run`, found on the PATH.
export PATH="$work/venv/bin:$PATH" AIRFLOW_HOME="$home" PYTHONWARNINGS=ignore \
    AIRFLOW__CORE__DAGS_FOLDER="$here/dags" AIRFLOW__CORE__LOAD_EXAMPLES=False \
    AIRFLOW__CORE__EXECUTOR=SequentialExecutor AIRFLOW__CORE__FERNET_KEY="$(cat "$work/fernet")" \
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$home/airflow.db" \
    AIRFLOW__WEBSERVER__SECRET_KEY="$(cat "$work/secret")" AIRFLOW__WEBSERVER__BASE_URL="http://127.0.0.1:$port" \
    AIRFLOW__WEBSERVER__INSTANCE_NAME="Riverside Community Garden" \
    AIRFLOW__WEBSERVER__WORKER_REFRESH_BATCH_SIZE=0 AIRFLOW__WEBSERVER__WORKERS=1 \
    AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL=300 AIRFLOW__SCHEDULER__DAG_DIR_LIST_INTERVAL=600 \
    AIRFLOW__CORE__CHECK_SLAS=False
# lib.sh's seeded_db speaks manage.py's words: "migrate" is Airflow's `db migrate`, "shell" runs seed.py.
airflow_run() {
    case "$1" in
        migrate) logged "airflow db migrate" "$work/venv/bin/airflow" db migrate ;;
        shell) "$work/venv/bin/python" - >> "$work/setup.log" 2>&1 || { echo "seed.py failed; see $work/setup.log" >&2; exit 1; } ;;
    esac
}
: > "$work/setup.log"
seeded_db "$home/airflow.db" airflow_run "$here/seed.py" "$here/dags/garden.py" "$here/webserver_config.py"
rm -rf "$home/logs"
start_server sh -c 'airflow scheduler & exec airflow webserver --hostname 127.0.0.1 --port "$0"' "$port"
wait_up
echo "Airflow at $url (alex or admin; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
