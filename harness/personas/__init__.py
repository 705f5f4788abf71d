"""Personas: people as data with behaviour (pace, patience, habits, expectations) and seeded details.

Public API: `load_persona`, `list_personas`, `Persona`, `generate_data` (plus `Habits`, `PersonaData`).
"""

from __future__ import annotations

from harness.personas.data import PersonaData, generate_data
from harness.personas.habits import Habits
from harness.personas.loader import list_personas, load_persona
from harness.personas.model import Persona

__all__ = ["Habits", "Persona", "PersonaData", "generate_data", "list_personas", "load_persona"]
