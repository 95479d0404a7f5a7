"""Sections, articles, photo albums and video or audio items."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from home.models import AttributionMixin, BasePage
from home.pagination import paginate
from operations.shared_content import exclude_private

CONTENT_PAGE_TYPES = ["news.ArticlePage", "news.AlbumPage", "news.MediaPage"]
# Listings with their own metadata that a section may hold (see the modules imported below).
LISTING_PAGE_TYPES = [
    "news.ProjectIndexPage",
    "news.StatisticsIndexPage",
    "news.WorkScheduleIndexPage",
]


class SectionPage(BasePage):
    """A news section such as "Tin tức - Sự kiện"; sections nest ("Tin tức - Sự kiện" › "Kinh tế")."""

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences shown at the top of the section, above its items."),
    )

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", *CONTENT_PAGE_TYPES, *LISTING_PAGE_TYPES]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = [APIField("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("News section")
        verbose_name_plural = _("News sections")

    def items(self):
        """Live, public works anywhere under this section, newest first."""
        # NOTE: .specific() takes one query per page type in the result, so a listing that mixes
        # articles, albums and media pages costs two queries more than the tested all-article one.
        return (
            exclude_private(Page.objects.live())
            .descendant_of(self)
            .type(ArticlePage, AlbumPage, MediaPage)
            .order_by("-first_published_at", "-pk")
            .specific()
        )

    def latest_items(self, limit=5):
        return attach_featured_images(self.items()[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = exclude_private(self.get_children().live()).type(SectionPage)
        items = paginate(request, self.items())
        items.object_list = attach_featured_images(items.object_list)
        context["items"] = items
        return context


def attach_featured_images(pages):
    """Return ``pages`` as a list, their featured images and renditions loaded in two queries.

    Without it each card of a listing costs a query for its image and one for its rendition.
    """
    from wagtail.images import get_image_model

    pages = list(pages)
    image_ids = {
        page.featured_image_id for page in pages if getattr(page, "featured_image_id", None)
    }
    if not image_ids:
        return pages
    images = {
        image.pk: image
        for image in get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions()
    }
    for page in pages:
        image = images.get(getattr(page, "featured_image_id", None))
        if image is not None:
            page.featured_image = image
    return pages


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class FeaturedImageMixin(models.Model):
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and at the top of the page."),
    )
    featured_image_alt = models.CharField(
        _("Featured image alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the image in a short sentence for people who cannot see it. Required with an image."
        ),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError(
                {
                    "featured_image_alt": _(
                        "Describe the featured image: alternative text is required."
                    )
                }
            )


class ArticlePage(FeaturedImageMixin, AttributionMixin, BasePage):
    """A news item or article (tin, bài)."""

    lead = models.TextField(
        _("Lead"),
        help_text=_(
            "The sapo: one or two sentences that sum up the article, shown in bold under the title."
        ),
    )
    body = StreamField(
        ArticleBodyBlock(),
        verbose_name=_("Body"),
        blank=True,
        help_text=_(
            "The text of the article. Add paragraphs, photos, tables and files with the + button."
        ),
    )
    tags = ClusterTaggableManager(
        through=ArticleTag,
        blank=True,
        verbose_name=_("Tags"),
        help_text=_(
            "A few key words that help readers find related articles; press Enter after each."
        ),
    )
    event_at = models.DateTimeField(
        _("Event date and time"),
        null=True,
        blank=True,
        help_text=_("When the reported event took place; the publication deadline counts from it."),
    )
    change_note = models.CharField(
        _("Change note"),
        max_length=500,
        blank=True,
        help_text=_("When you correct a published article, say what changed. Shown to readers."),
    )

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        *AttributionMixin.attribution_panels,
        FieldPanel("event_at"),
        FieldPanel("tags"),
        FieldPanel("change_note"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("body"),
        APIField("author"),
        APIField("source"),
        APIField("featured_image"),
        APIField("featured_image_alt"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        verbose_name = _("Article")
        verbose_name_plural = _("Articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = (
            ArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .order_by("-first_published_at")[:4]
        )
        return context


class AlbumPage(FeaturedImageMixin, AttributionMixin, BasePage):
    """A photo album promoting the district's people and places."""

    description = RichTextField(
        _("Description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the album shows: the event, the place and the date."),
    )

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Cover image"),
        ),
        InlinePanel("photos", label=_("Photos"), min_num=1),
        *AttributionMixin.attribution_panels,
    ]

    search_fields = Page.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("Photo album")
        verbose_name_plural = _("Photo albums")

    @property
    def lead(self):
        return ""


class AlbumPhoto(Orderable):
    album = ParentalKey(AlbumPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a photo from the image library or upload a new one."),
    )
    alt_text = models.CharField(
        _("Alternative text"),
        max_length=255,
        help_text=_("Describe the photo in a short sentence for people who cannot see it."),
    )
    caption = models.CharField(
        _("Caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo: what, where and when."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class MediaPage(FeaturedImageMixin, AttributionMixin, BasePage):
    """A video or audio item: a clip hosted elsewhere, or a file from the document library."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")

    kind = models.CharField(
        _("Kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.VIDEO,
        help_text=_("Choose whether the item is a video clip or a sound recording."),
    )
    description = RichTextField(
        _("Description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the clip is about, in a few sentences."),
    )
    embed_url = models.URLField(
        _("Video address"),
        blank=True,
        help_text=_("Link to the clip on a video site, for example YouTube."),
    )
    media_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Media file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4, MP3 or OGG file from the document library."),
    )
    transcript = models.TextField(
        _("Transcript"),
        blank=True,
        help_text=_("What is said in the clip, for people who cannot hear it."),
    )

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("embed_url"),
        FieldPanel("media_file"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Cover image"),
        ),
        FieldPanel("transcript"),
        *AttributionMixin.attribution_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]

    class Meta:
        verbose_name = _("Video or audio item")
        verbose_name_plural = _("Video and audio items")

    @property
    def lead(self):
        return ""

    def clean(self):
        super().clean()
        if not (self.embed_url or self.media_file_id):
            raise ValidationError(_("Give either a video address or a media file."))


# Page types of news with their own metadata live in their own modules; importing them here
# registers their models with the news app.
from .procurement import BiddingPackage, ProjectDocument, ProjectIndexPage, ProjectPage  # noqa: E402, F401
from .statistics_reports import (  # noqa: E402, F401
    StatisticsIndexPage,
    StatisticsReportFile,
    StatisticsReportPage,
)
from .work_schedule import ScheduleEntry, WorkScheduleIndexPage, WorkSchedulePage  # noqa: E402, F401
