"""Response cache, HTTP validators, invalidation and change notifications of the public API.

Entry points: `views.CachedViewMixin` (the viewsets), `signals.pages_changed` (sent after
commit with what changed) and `invalidation.pages_changed_now()` for code that changes pages
behind Wagtail's back. docs/caching.md explains the design.
"""
