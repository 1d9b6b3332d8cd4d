"""Read queries of the real-time app."""
