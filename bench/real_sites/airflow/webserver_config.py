"""The Airflow web UI's configuration for the proving ground (copied into AIRFLOW_HOME by up.sh):
Airflow's default (Flask-AppBuilder's database sign-in, CSRF on), with the sign-in's rate limit off,
because every scenario signs in from 127.0.0.1 (an operator's setting, as the other sites' raised limits)."""
from __future__ import annotations

from flask_appbuilder.const import AUTH_DB

WTF_CSRF_ENABLED = True
WTF_CSRF_TIME_LIMIT = None
AUTH_TYPE = AUTH_DB
AUTH_RATE_LIMITED = False
