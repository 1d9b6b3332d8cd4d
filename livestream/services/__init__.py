"""Business actions of the real-time app (events, live rooms): the only code that changes its state."""
