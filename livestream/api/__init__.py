"""REST API of the real-time app, mounted under /api/ beside the marketplace's."""
