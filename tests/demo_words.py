"""The bundled demo's own words (an insurer's claims portal): none may reach a user of another site.

Why one list: the layout test greps the engine for them and the suggestion tests read every rewrite
for them, so a word added here is checked everywhere at once.
"""

from __future__ import annotations

import re

DEMO_WORDS = re.compile(
    r"\b(?:claims?|claimant|claimed|polic(?:y|ies|yholder)|insur(?:er|ers|ance|ed)|incidents?|kitchen|flood(?:ed)?"
    r"|harbour mutual)\b|CLM-|\b0800\b|policy_number|incident_date|claim_description|incident_description"
    r"|vehicle_registration", re.IGNORECASE)
