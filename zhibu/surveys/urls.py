from django.urls import path

from .views import manage, public

app_name = "surveys"

urlpatterns = [
    path("", manage.index, name="index"),
    path("new/", manage.survey_create, name="create"),
    path("<int:pk>/", manage.survey_detail, name="survey"),
    path("<int:pk>/edit/", manage.survey_edit, name="edit"),
    path("<int:pk>/slips/", manage.slips, name="slips"),
    path("<int:pk>/export/", manage.results_export, name="export"),
    path("s/<uuid:public_id>/", public.answer, name="answer"),
    path("s/<uuid:public_id>/thanks/", public.thanks, name="thanks"),
]
