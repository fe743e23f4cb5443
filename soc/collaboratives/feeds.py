"""The recommendations tracker as an Atom feed: what changed, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Recommendation
from .views.recommendations import PUBLIC


class RecommendationFeed(Feed):
    feed_type = Atom1Feed
    title = _("State Collaborative recommendations")
    subtitle = _("Recommendations, agency responses and progress")

    def link(self):
        return reverse("recommendation_tracker")

    def items(self):
        return Recommendation.objects.filter(status__in=PUBLIC).prefetch_related("milestones")[:50]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item):
        progress = item.progress()
        done = "" if progress is None else f" · {progress}%"
        return f"{item.get_topic_display()}{done}: {item.text}"

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.created_at
