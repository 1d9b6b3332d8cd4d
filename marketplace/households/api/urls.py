from django.urls import path

from marketplace.households.api import views

urlpatterns = [path("households/", views.HouseholdListView.as_view(), name="households")]
