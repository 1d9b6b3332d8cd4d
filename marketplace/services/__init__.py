"""Business actions of the marketplace: the only code that changes its state."""
