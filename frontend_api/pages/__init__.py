"""The public page API: viewsets, serializers, fields, filters, the listing query."""
