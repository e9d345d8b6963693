from django.urls import path

app_name = "honours"
urlpatterns: list = []
