"""Settings modules: base (shared), embedded (the default, no servers), production, test."""
