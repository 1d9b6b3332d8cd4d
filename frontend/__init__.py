"""Mobile-web pages: Django templates and static JS/CSS, Chinese UI."""
