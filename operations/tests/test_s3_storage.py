"""Media on S3-compatible storage: django-storages against a local moto server.

The server runs on 127.0.0.1 for the duration of the module, so no request leaves the
machine. It checks that the production storage settings work and that backup_site reads
media through the storage API.
"""

import socket
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command

BUCKET = "muongte-media-test"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("moto_server did not start within 30 seconds")
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_media(settings, s3_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "kiem-thu")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "kiem-thu-bi-mat")
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").create_bucket(
        Bucket=BUCKET
    )
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }
    storage = storages["default"]
    yield storage
    for name in ("documents/quyet-dinh-15.txt", "images/ruong-bac-thang.txt"):
        storage.delete(name)


def test_media_saved_and_read_from_s3(s3_media):
    saved = s3_media.save("documents/quyet-dinh-15.txt", ContentFile("Quyết định số 15".encode()))

    assert saved == "documents/quyet-dinh-15.txt"
    with s3_media.open(saved, "rb") as stored:
        assert stored.read().decode() == "Quyết định số 15"
    assert s3_media.url(saved).startswith("http://127.0.0.1:")


@pytest.mark.django_db
def test_backup_reads_media_from_s3(s3_media, tmp_path):
    s3_media.save("documents/quyet-dinh-15.txt", ContentFile("Quyết định số 15".encode()))
    s3_media.save("images/ruong-bac-thang.txt", ContentFile("Ruộng bậc thang".encode()))

    call_command("backup_site", output_dir=tmp_path, verbosity=0)

    [archive] = tmp_path.glob("*.tar.gz")
    with tarfile.open(archive, "r:gz") as opened:
        names = set(opened.getnames())
        content = opened.extractfile("media/documents/quyet-dinh-15.txt").read().decode()
    assert {"media/documents/quyet-dinh-15.txt", "media/images/ruong-bac-thang.txt"} <= names
    assert content == "Quyết định số 15"
