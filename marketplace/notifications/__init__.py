"""Notifications: stored notices, pushed to open pages and texted when it matters."""
