"""The events API, mounted at /api/ with its own namespace (events_api)."""
