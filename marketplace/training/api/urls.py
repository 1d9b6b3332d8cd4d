from django.urls import path

from marketplace.training.api import views

urlpatterns = [
    path("training/courses/", views.CourseListView.as_view(), name="training-courses"),
    path("training/courses/<int:pk>/enrolments", views.EnrolView.as_view(), name="training-enrol"),
]
