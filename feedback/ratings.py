"""Anonymous satisfaction ratings of articles and legal documents.

A rating stores the page, a score from 1 to 5, an optional comment and the day it was given.
It stores no IP address, user, session or time of day, so no rating leads back to a person.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The page types that show the rating form.
RATED_PAGE_TYPES = ["news.ArticlePage", "documents.LegalDocumentPage"]


def today():
    return timezone.localdate()


class PageRating(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField(
        _("Rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("Comment"), max_length=1000, blank=True)
    rated_on = models.DateField(_("Date"), default=today, editable=False)

    class Meta:
        verbose_name = _("Page rating")
        verbose_name_plural = _("Page ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="feedback_rating_score_1_5"
            )
        ]

    def __str__(self):
        return f"{self.page_id}: {self.score}"
