from wagtail import hooks

from .admin_questions import QuestionViewSet


@hooks.register("register_admin_viewset")
def register_question_inbox():
    return QuestionViewSet()
