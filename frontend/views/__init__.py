"""Views of the mobile pages, one module per role; each parses a form, calls a service, renders."""
