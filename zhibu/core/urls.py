from django.urls import path

from . import views, views_accounts, views_jobs, views_recycle

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_list, name="audit"),
    path("search/", views.search_view, name="search"),
    path("figures/", views.figure_list, name="figures"),
    path("figures/<str:code>/", views.figure_detail, name="figure"),
    path("jobs/<uuid:pk>/", views_jobs.job_detail, name="job"),
    path("remove/<str:model>/<int:pk>/", views_recycle.remove, name="remove"),
    path("recycle/", views_recycle.recycle_list, name="recycle"),
    path("recycle/<int:pk>/restore/", views_recycle.recycle_restore, name="recycle_restore"),
    path("jobs/<uuid:pk>/status/", views_jobs.job_status, name="job_status"),
    path("jobs/<uuid:pk>/result/", views_jobs.job_result, name="job_result"),
    # 账号与角色
    path("users/", views_accounts.account_list, name="accounts"),
    path("users/new/<int:person_pk>/", views_accounts.account_create, name="account_create"),
    path("users/<int:pk>/reset/", views_accounts.account_reset, name="account_reset"),
    path("users/<int:pk>/disable/", views_accounts.account_disable, name="account_disable"),
    path("users/<int:pk>/enable/", views_accounts.account_enable, name="account_enable"),
    path("users/<int:pk>/grant/", views_accounts.role_grant, name="role_grant"),
    path("grants/<int:pk>/revoke/", views_accounts.role_revoke, name="role_revoke"),
    # 下级组织
    path("organisations/", views_accounts.organisation_list, name="organisations"),
    path("organisations/new/", views_accounts.organisation_create, name="organisation_create"),
    path("organisations/<slug:code>/rename/", views_accounts.organisation_rename, name="organisation_rename"),
    path("organisations/<slug:code>/move/", views_accounts.organisation_move, name="organisation_move"),
    path("organisations/<slug:code>/close/", views_accounts.organisation_close, name="organisation_close"),
]
