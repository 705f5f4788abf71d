"""Language understanding: the one embedding model, prompt comparison and copy scoring.

Nothing heavy is imported here: `embeddings` loads torch and the model only on first use.
"""

from __future__ import annotations
