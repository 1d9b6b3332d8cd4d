from django.urls import path

from marketplace.disputes.api import views

urlpatterns = [
    path("disputes/", views.DisputeListView.as_view(), name="disputes"),
    path("disputes/<int:pk>/close", views.DisputeCloseView.as_view(), name="dispute-close"),
]
