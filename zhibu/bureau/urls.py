from django.urls import path

from .views import grid, notices

app_name = "bureau"

urlpatterns = [
    path("", grid.grid_page, name="grid"),
    path("export/", grid.grid_export, name="grid_export"),
    path("branch/<slug:code>/", grid.branch, name="branch"),
    path("notices/", notices.notice_list, name="notices"),
    path("notices/new/", notices.notice_create, name="notice_create"),
    path("notices/<int:pk>/", notices.notice_detail, name="notice"),
]
