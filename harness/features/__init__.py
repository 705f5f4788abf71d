"""Feature files as product owners write them: the step catalogue, the checker, scaffolding."""
