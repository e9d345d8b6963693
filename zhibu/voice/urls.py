from django.urls import path

from .views import consultations, suggestions

app_name = "voice"

urlpatterns = [
    path("", consultations.consultation_list, name="consultations"),
    path("new/", consultations.consultation_create, name="consultation_create"),
    path("settings/", consultations.settings_edit, name="settings"),
    path("<int:pk>/", consultations.consultation_detail, name="consultation"),
    path("<int:pk>/edit/", consultations.consultation_edit, name="consultation_edit"),
    path("<int:pk>/answer/", consultations.answer, name="answer"),
    path("<int:pk>/record/", consultations.answer_record, name="answer_record"),
    path("suggestions/", suggestions.suggestion_list, name="suggestions"),
    path("suggestions/new/", suggestions.suggestion_create, name="suggestion_create"),
    path("suggestions/export/", suggestions.suggestions_export, name="suggestions_export"),
    path("suggestions/<int:pk>/", suggestions.suggestion_detail, name="suggestion"),
    path("suggestions/<int:pk>/edit/", suggestions.suggestion_edit, name="suggestion_edit"),
    path("suggestions/<int:pk>/handle/", suggestions.suggestion_handle, name="suggestion_handle"),
]
