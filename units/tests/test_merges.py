"""Renaming and merging units keeps old addresses working and past works under the old name."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry

from news.factories import ArticlePageFactory
from units.factories import (
    ProcedureListPageFactory,
    SpokespersonFactory,
    UnitIndexPageFactory,
    UnitPageFactory,
)
from units.merging import merge_units
from units.models import UnitPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes():
    directory = UnitIndexPageFactory()
    return {
        "ta_ba": UnitPageFactory(parent=directory, title="Xã Tá Bạ"),
        "pa_u": UnitPageFactory(parent=directory, title="Xã Pa Ủ"),
        "mu_ca": UnitPageFactory(parent=directory, title="Xã Mù Cả"),
    }


def test_merge_redirects_unit_and_subpages(client, communes):
    source, target = communes["ta_ba"], communes["mu_ca"]
    procedures = ProcedureListPageFactory(parent=source)
    old_url, old_procedures_url = source.url, procedures.url

    redirects = merge_units([source], target, merged_on=datetime.date(2025, 7, 1))

    assert redirects == 2
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == target.url
    sub_response = client.get(old_procedures_url)
    assert sub_response.status_code == 301
    assert sub_response["Location"] == target.url
    source.refresh_from_db()
    assert not source.live
    assert source.merged_into_id == target.pk
    assert source.merged_on == datetime.date(2025, 7, 1)
    assert Redirect.objects.filter(redirect_page=target, is_permanent=True).count() == 2
    entry = PageLogEntry.objects.get(page=source, action="units.merge")
    assert entry.data["target_id"] == target.pk
    assert entry.message == "Đã hợp nhất vào “Xã Mù Cả” ngày 01/07/2025"


def test_merged_unit_articles_keep_old_name(client, communes):
    source, target = communes["pa_u"], communes["mu_ca"]
    article = ArticlePageFactory(title="Lớp dạy tiếng La Hủ", unit=source)

    merge_units([source], target)

    html = client.get(article.url).content.decode()
    assert f'<a href="{target.url}">Xã Pa Ủ</a>' in html
    target_html = client.get(target.url).content.decode()
    assert "Lớp dạy tiếng La Hủ" in target_html
    assert "Xã Pa Ủ" in target_html


def test_merge_ends_spokespersons_and_moves_child_units(communes):
    source, target = communes["ta_ba"], communes["mu_ca"]
    person = SpokespersonFactory(unit=source, appointed_on=datetime.date(2020, 1, 1))
    child = UnitPageFactory(
        parent=source.get_parent(), title="Trường mầm non Tá Bạ", parent_unit=source
    )

    merge_units([source], target, merged_on=datetime.date(2025, 7, 1))

    person.refresh_from_db()
    assert person.ended_on == datetime.date(2025, 6, 30)
    child.refresh_from_db()
    assert child.parent_unit_id == target.pk
    assert child.live


def test_merge_survives_republishing_old_revision(communes):
    source, target = communes["ta_ba"], communes["mu_ca"]
    old_revision = source.save_revision()

    merge_units([source], target)
    old_revision.publish()

    source.refresh_from_db()
    assert source.merged_into_id == target.pk


@pytest.mark.parametrize("case", ["itself", "twice", "into_merged"])
def test_merge_rejects_bad_requests(communes, case):
    from django.core.exceptions import ValidationError

    source, target, third = communes["ta_ba"], communes["mu_ca"], communes["pa_u"]
    if case == "itself":
        sources, into = [target], target
    elif case == "twice":
        merge_units([source], target)
        source.refresh_from_db()
        sources, into = [source], third
    else:
        merge_units([third], target)
        third.refresh_from_db()
        sources, into = [source], third

    with pytest.raises(ValidationError):
        merge_units(sources, into)


def test_rename_keeps_old_name_on_older_articles(client, communes):
    unit = communes["ta_ba"]
    older = ArticlePageFactory(
        title="Tin trước khi đổi tên",
        unit=unit,
        first_published_at=timezone.now() - datetime.timedelta(days=30),
    )

    unit.title = "Xã Tá Bạ mới"
    unit.save_revision().publish()
    newer = ArticlePageFactory(
        title="Tin sau khi đổi tên",
        unit=UnitPage.objects.get(pk=unit.pk),
        first_published_at=timezone.now() + datetime.timedelta(seconds=1),
    )

    assert [name.name for name in unit.former_names.all()] == ["Xã Tá Bạ"]
    assert ">Xã Tá Bạ</a>" in client.get(older.url).content.decode()
    assert ">Xã Tá Bạ mới</a>" in client.get(newer.url).content.decode()


def test_draft_title_change_is_not_a_rename(communes):
    unit = communes["ta_ba"]

    unit.title = "Tên đang soạn"
    unit.save_revision()

    assert not unit.former_names.exists()


def test_slug_change_redirects(client, communes, django_capture_on_commit_callbacks):
    unit = communes["pa_u"]
    old_url = unit.url

    # Wagtail creates the redirect once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        unit.slug = "xa-pa-u-moi"
        unit.save_revision().publish()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/xa-pa-u-moi/")


def test_merge_command(communes):
    source, target = communes["ta_ba"], communes["mu_ca"]
    output = io.StringIO()

    call_command(
        "merge_units", source.pk, "--into", target.pk, "--date", "2025-07-01", stdout=output
    )

    assert "Xã Mù Cả" in output.getvalue()
    with pytest.raises(CommandError, match="99999"):
        call_command("merge_units", 99999, "--into", target.pk)
    with pytest.raises(CommandError):
        call_command("merge_units", target.pk, "--into", target.pk)


def test_admin_merge_view(admin_client, communes):
    source, target = communes["ta_ba"], communes["mu_ca"]
    url = reverse("units_merge")

    form_page = admin_client.get(url)
    response = admin_client.post(
        url, {"sources": [source.pk], "target": target.pk, "merged_on": "2025-07-01"}
    )

    assert form_page.status_code == 200
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.merged_into_id == target.pk


def test_admin_merge_view_rejects_self_merge(admin_client, communes):
    target = communes["mu_ca"]

    response = admin_client.post(
        reverse("units_merge"),
        {"sources": [target.pk], "target": target.pk, "merged_on": "2025-07-01"},
    )

    assert response.status_code == 200
    target.refresh_from_db()
    assert target.live
    assert target.merged_into_id is None


def test_merge_view_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("bientap", password="mat-khau-dai-123")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("units_merge"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
