from django.urls import path, register_converter

from . import views


class FormatConverter:
    regex = "xlsx|pdf"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")

urlpatterns = [
    path("reporting/requirements/", views.requirement_list, name="requirement_list"),
    path("reporting/requirements/new/", views.requirement_new, name="requirement_new"),
    path("reporting/duplication/", views.duplication, name="reporting_duplication"),
    path("reporting/<slug:slug>/annual/", views.annual_report, name="annual_report"),
    path(
        "reporting/<slug:slug>/annual/<int:year>.<fmt:fmt>",
        views.annual_report_download,
        name="annual_report_download",
    ),
]
