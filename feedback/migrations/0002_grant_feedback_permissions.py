"""Let the board process questions and comments, and contributors answer their unit's questions."""

from django.db import migrations

from editorial import roles

QUESTIONS = ["feedback.view_question", "feedback.change_question", "feedback.manage_question"]
COMMENTS = ["feedback.view_consultationcomment", "feedback.change_consultationcomment"]
BOARD = [*QUESTIONS, *COMMENTS, "feedback.view_pagerating"]
GRANTS = {
    roles.ADMINISTRATOR: [
        *BOARD,
        "feedback.delete_question",
        "feedback.delete_consultationcomment",
        "feedback.change_feedbacksettings",
    ],
    roles.HEAD: [*BOARD, "feedback.change_feedbacksettings"],
    roles.SECRETARY: [*BOARD, "feedback.change_feedbacksettings"],
    roles.DEPUTY: BOARD,
    roles.CONTRIBUTOR: ["feedback.view_question", "feedback.change_question"],
}


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial"), ("editorial", "0005_grant_working_calendar")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
