"""Accounts: users and their roles, password and SMS-code login."""
