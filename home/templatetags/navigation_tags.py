from django import template
from wagtail.models import Page

from home.models import NavigationMenu

register = template.Library()


@register.inclusion_tag("includes/menu.html", takes_context=True)
def navigation_menu(context, location):
    """Render the menu an administrator built for ``location`` ("main" or "footer").

    Items that point at a page show only while that page is live and public, so a menu
    never links to a draft or to a page behind a login or password.
    """
    menu = NavigationMenu.objects.filter(location=location).first()
    items = []
    if menu:
        menu_items = list(menu.items.select_related("link_page"))
        page_ids = [item.link_page_id for item in menu_items if item.link_page_id]
        visible_ids = set(
            Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        items = [
            item for item in menu_items if not item.link_page_id or item.link_page_id in visible_ids
        ]
    request = context.get("request")
    return {
        "items": items,
        "location": location,
        "label": menu.get_location_display() if menu else "",
        "current_path": request.path if request else "",
    }
