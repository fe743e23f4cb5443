"""The words public services are described with: what search corrects a misspelt word to."""

from django.db import models


class SearchWord(models.Model):
    """One folded word ("parenting", "clases") of some public service's name or description.

    Kept by soc.directory.vocabulary when services are saved or imported; a word whose services
    have all gone stays until the next rebuild, which costs a search nothing but a correction
    that finds no service. Not an HSDS table: it never leaves the platform.
    """

    word = models.CharField(primary_key=True, max_length=40)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word
