"""Business actions of the real-time app: the only code that changes its state."""
