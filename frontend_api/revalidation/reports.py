"""Admin report "Webhooks and feed pings": every delivery with its last status, failures first."""

import django_filters
from django.db.models import Case, IntegerField, QuerySet, Value, When
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from frontend_api.revalidation.deliveries import WebhookDelivery


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=WebhookDelivery.Status.choices, empty_label="Any status"
    )
    kind = django_filters.ChoiceFilter(choices=WebhookDelivery.Kind.choices, empty_label="Any kind")

    class Meta:
        model = WebhookDelivery
        fields = ["status", "kind"]


class PathsColumn(Column):
    """The frontend paths sent (the first few), or the feed a ping announced."""

    shown = 5

    def get_value(self, instance: WebhookDelivery) -> str:
        if "feed_url" in instance.payload:
            return f"feed {instance.payload['feed_url']}"
        if instance.payload.get("all"):
            return "everything (shared content changed)"
        paths = instance.payload.get("paths", [])
        more = f" and {len(paths) - self.shown} more" if len(paths) > self.shown else ""
        return ", ".join(paths[: self.shown]) + more or "-"


class WebhookDeliveriesReportView(ReportView):
    page_title = "Webhooks and feed pings"
    header_icon = "link-external"
    index_url_name = "revalidation_report:index"
    index_results_url_name = "revalidation_report:results"
    filterset_class = DeliveryFilterSet
    permission_policy = ModelPermissionPolicy(WebhookDelivery)
    permission_required = "view"
    model = WebhookDelivery
    columns = [
        DateColumn("created_at", label="Queued"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("attempts", label="Attempts"),
        Column("last_status_code", label="Last HTTP status"),
        Column("last_error", label="Last error"),
        DateColumn("next_attempt_at", label="Next attempt"),
        PathsColumn("paths", label="Paths or feed"),
        Column("url", label="Sent to"),
    ]
    list_export = [
        "created_at",
        "kind",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "url",
    ]

    def get_queryset(self) -> QuerySet[WebhookDelivery]:
        # Failed and retrying deliveries are what an admin comes here for.
        trouble = Case(
            When(status=WebhookDelivery.Status.FAILED, then=Value(0)),
            When(status=WebhookDelivery.Status.RETRYING, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return WebhookDelivery.objects.order_by(trouble, "-created_at", "-pk")
