"""Moin 2's configuration for the proving ground: a small community wiki on 127.0.0.1:8941.

Read by serve.py and seed.py with MOIN_WORK set to the site's .work folder. Anyone may read; a signed-in
account may edit and create pages; anyone may register (no e-mail verification); `admin` is the superuser.
Mail (password recovery) goes to the SMTP sink serve.py starts on 127.0.0.1:8942, never to the network.
"""
from __future__ import annotations

import os

from moin.config import AclConfig, IndexStorageConfig
from moin.config.default import DefaultConfig
from moin.constants.namespaces import (
    NAMESPACE_DEFAULT,
    NAMESPACE_HELP_COMMON,
    NAMESPACE_HELP_EN,
    NAMESPACE_USERPROFILES,
    NAMESPACE_USERS,
)
from moin.storage import create_mapping
from moin.utils import get_xstatic_module_path_map

WORK = os.environ["MOIN_WORK"]


def _acl() -> AclConfig:
    return AclConfig(before="admin:read,write,create,destroy,admin", default="Known:read,write,create All:read",
                     after="", hierarchic=False)


class Config(DefaultConfig):
    wikiconfig_dir = WORK
    instance_dir = os.path.join(WORK, "wiki")
    data_dir = os.path.join(instance_dir, "data")
    index_storage = IndexStorageConfig(name="FileStorage", args=(os.path.join(instance_dir, "index"),), kwargs={})
    serve_files: dict[str, str] = {}
    interwikiname = "RiversideWiki"
    interwiki_map = {interwikiname: "http://127.0.0.1:8941/", "Self": "http://127.0.0.1:8941/"}
    sitename = "Riverside Community Wiki"
    timezone_default = "UTC"
    theme_default = "topside"
    edit_locking_policy = "lock"
    edit_lock_time = 20
    admin_emails: list[str] = []
    email_tracebacks = False
    registration_only_by_superuser = False
    user_email_verification = False
    mail_from = "Riverside Community Wiki <wiki@example.test>"
    mail_smarthost = "127.0.0.1:8942"
    acl_functions = "admin:superuser"
    uri = f"stores:fs:{data_dir}/%(backend)s/%(kind)s"
    namespaces = {
        NAMESPACE_DEFAULT: "default",
        NAMESPACE_USERS: "users",
        NAMESPACE_USERPROFILES: "userprofiles",
        NAMESPACE_HELP_COMMON: "help-common",
        NAMESPACE_HELP_EN: "help-en",
    }
    backends: dict[str, str | None] = dict.fromkeys(namespaces.values(), uri)
    acls = {
        NAMESPACE_DEFAULT: _acl(),
        NAMESPACE_USERS: AclConfig(before="admin:read,write,create,destroy,admin",
                                   default="Known:read,write,create All:read", after="", hierarchic=True),
        NAMESPACE_USERPROFILES: AclConfig(before="All:", default="", after="", hierarchic=False),
        "help-common": _acl(),
        "help-en": _acl(),
    }
    namespace_mapping, backend_mapping, acl_mapping = create_mapping(uri, namespaces, backends, acls)
    root_mapping = {"users": "UserHome"}
    default_root = "Home"
    mod_names = ["font_awesome", "svgedit_moin", "pygments"]
    serve_files.update(get_xstatic_module_path_map(mod_names))


MOINCFG = Config
with open(os.path.join(WORK, "secret")) as _secret:
    SECRET_KEY = _secret.read().strip()
DEBUG = False
TESTING = False
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
