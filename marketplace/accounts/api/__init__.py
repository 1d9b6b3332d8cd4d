"""The accounts API: serializers, views and the routes config.api_urls mounts at /api/."""
