from django.urls import path

from . import views

app_name = "editorial_word_import"

urlpatterns = [
    path("", views.UploadView.as_view(), name="upload"),
    path("<str:token>/create/", views.CreateDraftView.as_view(), name="create"),
]
