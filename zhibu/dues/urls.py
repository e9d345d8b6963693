from django.urls import path

from .views import entry, pages

app_name = "dues"

urlpatterns = [
    path("", pages.index, name="index"),
    path("mine/", pages.mine, name="mine"),
    path("people/<int:pk>/", pages.person, name="person"),
    path("payments/", pages.payments, name="payments"),
    path("payments/<int:pk>/", pages.payment, name="payment"),
    path("payments/new/", entry.payment_create, name="payment_create"),
    path("bases/new/", entry.base_create, name="base_create"),
    path("collection/", entry.collection, name="collection"),
    path("export/", pages.ledger_export, name="ledger_export"),
    path("bands/", pages.bands, name="bands"),
    path("bands/new/", entry.band_create, name="band_create"),
]
