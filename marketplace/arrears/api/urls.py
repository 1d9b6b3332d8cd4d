from django.urls import path

from marketplace.arrears.api import views

urlpatterns = [
    path("arrears/", views.ArrearsListView.as_view(), name="arrears"),
    path("arrears/<int:pk>/steps", views.ArrearsStepView.as_view(), name="arrears-step"),
    path("arrears/<int:pk>/close", views.ArrearsCloseView.as_view(), name="arrears-close"),
]
