from wagtail import hooks

from .admin_consultations import CommentViewSet
from .admin_questions import QuestionViewSet
from .admin_ratings import report_menu_items, report_urls


@hooks.register("register_admin_viewset")
def register_question_inbox():
    return QuestionViewSet()


@hooks.register("register_admin_viewset")
def register_comment_moderation():
    return CommentViewSet()


@hooks.register("register_admin_urls")
def register_rating_report_urls():
    return report_urls()


@hooks.register("register_reports_menu_item")
def register_rating_per_page_menu_item():
    return report_menu_items()[0]


@hooks.register("register_reports_menu_item")
def register_rating_per_section_menu_item():
    return report_menu_items()[1]
