"""REST API of the marketplace (Django REST framework), documented at /api/docs/."""
