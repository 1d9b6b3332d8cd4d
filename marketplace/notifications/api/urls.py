"""Notices: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.notifications.api import views as notifications

urlpatterns = [
    path("me/notifications", notifications.NotificationListView.as_view(), name="notification-list"),
    path("me/notifications/read", notifications.NotificationReadView.as_view(), name="notification-read"),
]
