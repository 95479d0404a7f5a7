"""Create the editorial workflow with its three tasks and assign it to the whole page tree.

Wagtail's own "Moderators approval" workflow, assigned to the root page by Wagtail's
migrations, is deactivated: the editorial workflow replaces it.
"""

from django.db import migrations

WORKFLOW_NAME = "Quy trình biên tập"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# (model name, task name, groups that act on it), in workflow order.
TASKS = [
    ("secretaryedittask", "Thư ký biên tập", ["Thư ký Ban Biên tập"]),
    ("boardapprovaltask", "Lãnh đạo Ban duyệt", ["Trưởng Ban Biên tập", "Phó Trưởng Ban Biên tập"]),
    ("secretarypublishtask", "Thư ký đăng tải", ["Thư ký Ban Biên tập"]),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Task = apps.get_model("wagtailcore.Task")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        default.active = False
        default.save(update_fields=["active"])
        Task.objects.filter(workflow_tasks__workflow=default).update(active=False)
        WorkflowPage.objects.filter(workflow=default).delete()

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for sort_order, (model_name, task_name, group_names) in enumerate(TASKS):
        model = apps.get_model("editorial", model_name)
        content_type, _created = ContentType.objects.get_or_create(
            app_label="editorial", model=model_name
        )
        task = model.objects.filter(name=task_name).first()
        if task is None:
            task = model.objects.create(name=task_name, content_type=content_type, active=True)
        task.groups.set(Group.objects.filter(name__in=group_names))
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": sort_order}
        )

    root_page = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[name for _model, name, _groups in TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_create_roles"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
