"""StreamField blocks shared by every page type with a body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"), help_text=_("Choose a photo from the image library or upload a new one.")
    )
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=500,
        help_text=_("Shown under the photo: what, where and when."),
    )
    credit = blocks.CharBlock(
        label=_("Photo by"),
        required=False,
        max_length=255,
        help_text=_("Name of the photographer or the source of the photo."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Quotation"), help_text=_("The words quoted, without quotation marks.")
    )
    attribution = blocks.CharBlock(
        label=_("Said by"),
        required=False,
        max_length=255,
        help_text=_("Who said it, for example: Chủ tịch UBND huyện."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote.html"


class AudioBlock(blocks.StructBlock):
    file = DocumentChooserBlock(
        label=_("Audio file"), help_text=_("An MP3 or OGG file from the document library.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Shown above the player. Leave empty to use the file's title."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label=_("File"), help_text=_("Choose a file from the document library or upload a new one.")
    )
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the file's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Attached file")
        template = "blocks/document_link.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Use the headings for sub-titles; do not type whole paragraphs in bold or capitals."
        ),
    )
    image = CaptionedImageBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table.html",
        help_text=_(
            "For figures and schedules. Tick the header option so that screen readers can read the table."
        ),
    )
    video = EmbedBlock(
        label=_("Embedded video"),
        help_text=_("Link to a video on a video site, for example YouTube."),
        template="blocks/embed.html",
    )
    audio = AudioBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
