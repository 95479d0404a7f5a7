from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("danh-gia/<int:page_id>/", views.rate, name="rate"),
]
