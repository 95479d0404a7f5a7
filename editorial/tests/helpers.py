"""Drive the real admin views the way the editor's buttons do."""

from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from editorial.factories import ArticlePageFactory
from home.text import slugify_vi


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def form_data(html):
    """Return the page form's data; the body StreamField, drawn by JavaScript, stays empty."""
    data = querydict_from_html(html, form_id="page-edit-form")
    data.setdefault("body-count", "0")
    # A browser sends "on" for a ticked checkbox that has no value attribute.
    form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": "page-edit-form"})
    for checkbox in form.find_all("input", type="checkbox", checked=True):
        if "value" not in checkbox.attrs:
            data[checkbox["name"]] = "on"
    return data


def edit_form_data(client, page):
    """Return the data of the page's edit form as the editor would post it unchanged."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    return form_data(response.content.decode())


def post_edit(client, page, button, changes=None, data=None):
    """Post the edit form with ``button`` pressed (e.g. "action-submit") and ``changes`` made."""
    data = data if data is not None else edit_form_data(client, page)
    for name, value in (changes or {}).items():
        data[name] = value
    if button:
        data[button] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def create_form_data(client, parent, model="articlepage"):
    response = client.get(reverse("wagtailadmin_pages:add", args=["news", model, parent.pk]))
    if response.status_code != 200:
        return None
    return form_data(response.content.decode())


def post_create(client, parent, fields, button=None, model="articlepage"):
    """Post the create form for a ``model`` page under ``parent``."""
    url = reverse("wagtailadmin_pages:add", args=["news", model, parent.pk])
    data = create_form_data(client, parent, model)
    if data is None:
        return client.post(url, fields)
    for name, value in fields.items():
        data[name] = value
    if not data.get("slug") and data.get("title"):
        # The editor's JavaScript fills the slug in from the title.
        data["slug"] = slugify_vi(data["title"])
    if button:
        data[button] = "1"
    return client.post(url, data)


def workflow_action_url(page, action):
    task_state = fresh(page).current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def act(client, page, action, **data):
    """Post a workflow action through the admin's workflow action view."""
    return client.post(workflow_action_url(page, action), data)


def assert_rejected(response):
    """Check that the admin rejected the request: 403, or a redirect with an error message."""
    assert response.status_code in (302, 403), response.status_code


def current_task_name(page):
    task = fresh(page).current_workflow_task
    return task.name if task else None


def draft_article(parent, owner, **fields):
    """An unpublished article with one revision by ``owner``, as if they had saved a draft."""
    article = ArticlePageFactory(parent=parent, owner=owner, **fields)
    article.save_revision(user=owner)
    return fresh(article)


SCREENING = {
    "no_state_secret": "on",
    "no_prohibited_content": "on",
    "author_and_source_given": "on",
}


def submitted_article(parent, author, **fields):
    """An article submitted by ``author`` through the editor, waiting at the first task."""
    article = draft_article(parent, author, **fields)
    response = post_edit(client_for(author), article, "action-submit")
    assert response.status_code == 302, response.status_code
    return fresh(article)


def forwarded_article(parent, author, secretary, **fields):
    article = submitted_article(parent, author, **fields)
    assert act(client_for(secretary), article, "approve").status_code == 302
    return fresh(article)


def approved_article(parent, author, secretary, head, **fields):
    article = forwarded_article(parent, author, secretary, **fields)
    assert act(client_for(head), article, "approve", **SCREENING).status_code == 302
    return fresh(article)
