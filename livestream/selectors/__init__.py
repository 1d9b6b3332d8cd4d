"""Read queries of the livestream app: live rooms (直播送岗); recruitment events in their own module."""
