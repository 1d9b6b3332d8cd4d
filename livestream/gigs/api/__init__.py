"""The gig market over HTTP: the board and claims (views), and what happens at the site (site_views)."""
