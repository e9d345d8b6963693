from django.urls import path

from .views import accounts, backups, jobs, pages, recycle, secretary

app_name = "core"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("audit/", pages.audit_list, name="audit"),
    path("search/", pages.search_view, name="search"),
    path("figures/", pages.figure_list, name="figures"),
    path("figures/<str:code>/", pages.figure_detail, name="figure"),
    path("jobs/<uuid:pk>/", jobs.job_detail, name="job"),
    path("remove/<str:model>/<int:pk>/", recycle.remove, name="remove"),
    path("recycle/", recycle.recycle_list, name="recycle"),
    path("recycle/<int:pk>/restore/", recycle.recycle_restore, name="recycle_restore"),
    path("jobs/<uuid:pk>/status/", jobs.job_status, name="job_status"),
    path("jobs/<uuid:pk>/result/", jobs.job_result, name="job_result"),
    path("backup/", backups.backup, name="backup"),
    # 账号与角色
    path("users/", accounts.account_list, name="accounts"),
    path("users/new/<int:person_pk>/", accounts.account_create, name="account_create"),
    path("users/<int:pk>/reset/", accounts.account_reset, name="account_reset"),
    path("users/<int:pk>/disable/", accounts.account_disable, name="account_disable"),
    path("users/<int:pk>/enable/", accounts.account_enable, name="account_enable"),
    path("users/<int:pk>/grant/", accounts.role_grant, name="role_grant"),
    path("grants/<int:pk>/revoke/", accounts.role_revoke, name="role_revoke"),
    # 下级组织
    path("organisations/", accounts.organisation_list, name="organisations"),
    path("organisations/new/", accounts.organisation_create, name="organisation_create"),
    path("organisations/<slug:code>/rename/", accounts.organisation_rename, name="organisation_rename"),
    path("organisations/<slug:code>/move/", accounts.organisation_move, name="organisation_move"),
    path("organisations/<slug:code>/close/", accounts.organisation_close, name="organisation_close"),
    path("organisations/<slug:code>/secretary/", secretary.secretary_register, name="secretary_register"),
]
