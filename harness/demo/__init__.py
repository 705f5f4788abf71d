"""The bundled demo portal: a fictional insurer's customer portal with switchable empathy defects.

It stays apart from the engine (imports only `harness.exceptions`), like axe-core's test pages:
`create_app` builds it, `DemoServer` runs it in a thread, `DEFECTS` is the catalogue the checks are
measured against.
"""

from __future__ import annotations
