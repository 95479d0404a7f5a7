from django import template

from home.models import NavigationMenu

register = template.Library()


@register.inclusion_tag("includes/menu.html", takes_context=True)
def navigation_menu(context, location):
    """Render the menu an administrator built for ``location`` ("main" or "footer")."""
    menu = NavigationMenu.objects.filter(location=location).first()
    items = []
    if menu:
        items = [
            item
            for item in menu.items.select_related("link_page")
            if not item.link_page_id or item.link_page.live
        ]
    request = context.get("request")
    return {
        "items": items,
        "location": location,
        "label": menu.get_location_display() if menu else "",
        "current_path": request.path if request else "",
    }
