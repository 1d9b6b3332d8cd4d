"""Real time over Django Channels: gig-market boards, recruitment events, livestream rooms."""
