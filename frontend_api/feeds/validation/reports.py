"""Admin reports "Podcast feed checks": the shows, then each show's findings, errors first."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from episodes.models import PodcastPage
from frontend_api.feeds.validation.building import check_show


class FeedChecksIndexView(ReportView):
    page_title = "Podcast feed checks"
    header_icon = "warning"
    index_url_name = "feed_checks:index"
    index_results_url_name = "feed_checks:results"
    model = PodcastPage
    columns = [
        TitleColumn(
            "title",
            label="Show",
            get_url=lambda show: reverse("feed_checks:show", args=[show.pk]),
        ),
        Column("slug", label="Feed slug"),
    ]

    def get_queryset(self):
        return PodcastPage.objects.order_by("title")


class ShowFeedReportView(ReportView):
    header_icon = "warning"
    index_url_name = "feed_checks:show"
    index_results_url_name = "feed_checks:show_results"
    paginate_by = 200
    columns = [
        Column("severity", label="Severity"),
        Column("rule", label="Rule"),
        Column("where", label="Where"),
        Column("message", label="What to fix"),
    ]
    list_export = ["severity", "rule", "where", "item_guid", "message"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.show = get_object_or_404(PodcastPage, pk=kwargs["show_id"])

    @property
    def page_title(self):
        return f"Podcast feed checks: {self.show.title}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.show.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.show.pk])

    no_results_message = "The feed passes every rule."

    def get_queryset(self):
        return check_show(self.show)
