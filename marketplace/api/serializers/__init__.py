"""Request parsing and response shapes of the API, one module per resource."""
