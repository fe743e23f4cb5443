"""Lengths of time in words, in the reader's language ("15 minutes", "15 minutos")."""

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def in_words(duration):
    """A timedelta as words, using Django's translated units."""
    if not duration:
        return ""
    start = timezone.now()
    return timesince(start, start + duration)
