from django.urls import path

from .views import documents, submissions

app_name = "reports"

urlpatterns = [
    path("", documents.index, name="index"),
    path("generate/", documents.generate, name="generate"),
    path("workbook/", documents.workbook, name="workbook"),
    path("<int:pk>/", documents.document, name="document"),
    path("<int:pk>/para/<slug:key>/", documents.paragraph_edit, name="paragraph_edit"),
    path("<int:pk>/para/<slug:key>/accept/", documents.paragraph_accept, name="paragraph_accept"),
    path("<int:pk>/recheck/", documents.recheck, name="recheck"),
    path("<int:pk>/redraft/", documents.redraft, name="redraft"),
    path("<int:pk>/download/<slug:fmt>/", documents.download, name="download"),
    path("<int:pk>/submit/", submissions.submit, name="submit"),
    path("submissions/", submissions.submission_list, name="submissions"),
    path("submissions/<int:pk>/decide/", submissions.decide, name="decide"),
    path("submissions/deadlines/", submissions.deadline_set, name="deadline_set"),
]
