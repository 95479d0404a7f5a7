from django import template
from wagtail.models import Page

from home.models import NavigationMenu
from operations.shared_content import get_or_build

register = template.Library()


@register.inclusion_tag("includes/menu.html", takes_context=True)
def navigation_menu(context, location):
    """Render the menu an administrator built for ``location`` ("main" or "footer").

    Items that point at a page show only while that page is live and public, so a menu
    never links to a draft or to a page behind a login or password.
    """
    items, label = get_or_build(f"menu:{location}", lambda: build_menu(location))
    request = context.get("request")
    return {
        "items": items,
        "location": location,
        "label": label,
        "current_path": request.path if request else "",
    }


def build_menu(location):
    """Return the visible items and the label of the menu at ``location``."""
    menu = NavigationMenu.objects.filter(location=location).first()
    if not menu:
        return [], ""
    menu_items = list(menu.items.select_related("link_page"))
    page_ids = [item.link_page_id for item in menu_items if item.link_page_id]
    visible_ids = set(
        Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True)
    )
    items = [
        item for item in menu_items if not item.link_page_id or item.link_page_id in visible_ids
    ]
    return items, menu.get_location_display()
