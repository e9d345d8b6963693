"""The public board's URLs (/public/<organisation code>/…): no login."""

from django.urls import path

from .views import public

app_name = "board"

urlpatterns = [
    path("<slug:code>/", public.board, name="index"),
    path("<slug:code>/<int:pk>/", public.item, name="item"),
    path("<slug:code>/<int:pk>/files/<int:file_pk>/", public.attachment, name="file"),
    path("<slug:code>/<int:pk>/objection/", public.objection, name="objection"),
]
