from django.urls import path

from .views import duties, items, pledges

app_name = "pledges"

urlpatterns = [
    path("", pledges.index, name="index"),
    path("new/", pledges.pledge_create, name="pledge_create"),
    path("export/", pledges.export, name="export"),
    path("<int:pk>/", pledges.pledge_detail, name="pledge"),
    path("<int:pk>/edit/", pledges.pledge_edit, name="pledge_edit"),
    path("<int:pk>/items/new/", items.item_create, name="item_create"),
    path("items/<int:pk>/", items.item_detail, name="item"),
    path("items/<int:pk>/edit/", items.item_edit, name="item_edit"),
    path("items/<int:pk>/progress/", items.progress_add, name="progress_add"),
    path("items/<int:pk>/close/", items.item_close, name="item_close"),
    path("items/<int:pk>/reopen/", items.item_reopen, name="item_reopen"),
    path("evidence/<int:pk>/", items.closing_attachment, name="evidence"),
    path("duties/", duties.duties, name="duties"),
    path("duties/new/", duties.duty_create, name="duty_create"),
    path("duties/<int:pk>/edit/", duties.duty_edit, name="duty_edit"),
]
