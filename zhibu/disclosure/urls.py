from django.urls import path

from .views import ledgers, notices

app_name = "disclosure"

urlpatterns = [
    path("", notices.index, name="index"),
    path("new/", notices.notice_create, name="create"),
    path("export/", notices.notices_export, name="export"),
    path("ledgers/", ledgers.ledgers, name="ledgers"),
    path("ledgers/create/", ledgers.from_ledger, name="from_ledger"),
    path("<int:pk>/", notices.notice_detail, name="notice"),
    path("<int:pk>/edit/", notices.notice_edit, name="edit"),
    path("<int:pk>/publish/", notices.notice_publish, name="publish"),
    path("<int:pk>/withdraw/", notices.notice_withdraw, name="withdraw"),
    path("<int:pk>/attach/", notices.attachment_add, name="attach"),
    path("files/<int:pk>/", notices.attachment, name="attachment"),
    path("files/<int:pk>/remove/", notices.attachment_remove, name="detach"),
    path("objections/<int:pk>/answer/", notices.objection_answer, name="answer"),
]
