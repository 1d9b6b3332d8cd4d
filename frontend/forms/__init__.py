"""Forms of the mobile pages: they parse what people type; the services decide what is allowed."""
