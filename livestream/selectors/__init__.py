"""Read queries of the real-time app: recruitment events and live rooms, a module each."""
