"""Recruitment events: schedule (series and occurrences), booths, tickets, reminders, posters."""
