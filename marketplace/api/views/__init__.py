"""API views, one module per resource: parse with a serializer, call the service, serialize the result."""
