"""Site backups: one tar.gz archive with the database dump, every media file and a manifest.

The database is dumped with pg_dump for PostgreSQL and copied with SQLite's online backup
API for SQLite. Media files are read and written through Django's default storage, so the
same code backs up local disk and S3-compatible storage. The manifest lists the SHA-256
checksum and size of every other member; a restore checks all of them before it writes
anything.
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils.translation import gettext as _

MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
ARCHIVE_PREFIX = "muongte-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
TIMESTAMP_FORMAT = "%Y%m%dT%H%M%SZ"
CHUNK_SIZE = 1024 * 1024
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore failed; the message is shown to the operator as is."""


def sha256_of(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK_SIZE), b""):
        digest.update(chunk)
    return digest.hexdigest()


def database_vendor():
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(
            _("Unsupported database engine %(vendor)s: only PostgreSQL and SQLite are supported.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def postgres_environment():
    """Return the environment and arguments that point libpq tools at the default database."""
    params = connection.get_connection_params()
    env = {**os.environ}
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    arguments = []
    for option, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            arguments += [option, str(params[key])]
    arguments += ["--dbname", str(params.get("dbname") or connection.settings_dict["NAME"])]
    return env, arguments


def run_tool(command, env):
    """Run a PostgreSQL client tool; raise BackupError with its own message when it fails."""
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _("The program %(program)s was not found: install the PostgreSQL client tools.")
            % {"program": command[0]}
        ) from error
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed (exit code %(code)s): %(detail)s")
            % {"program": command[0], "code": result.returncode, "detail": result.stderr.strip()}
        )


def dump_database(target: Path):
    """Write the default database to ``target`` and return the member name to store it as."""
    vendor = database_vendor()
    if vendor == "postgresql":
        env, arguments = postgres_environment()
        run_tool(
            ["pg_dump", "--no-owner", "--no-privileges", "--file", str(target), *arguments], env
        )
        return "database.sql"
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return "database.sqlite3"


def list_media(storage=default_storage, folder=""):
    """Return the names of every file in ``storage``, walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for child in folders:
        names += list_media(storage, f"{folder}{child}/")
    return sorted(names)


def archive_name(moment):
    return f"{ARCHIVE_PREFIX}{moment.strftime(TIMESTAMP_FORMAT)}{ARCHIVE_SUFFIX}"


def archive_time(path: Path):
    """Return the UTC time in an archive's name, or None for a file that is not a backup."""
    name = path.name
    if not (name.startswith(ARCHIVE_PREFIX) and name.endswith(ARCHIVE_SUFFIX)):
        return None
    stamp = name[len(ARCHIVE_PREFIX) : -len(ARCHIVE_SUFFIX)]
    try:
        return datetime.datetime.strptime(stamp, TIMESTAMP_FORMAT).replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def add_member(archive, name, fileobj, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, fileobj)


def discard(path: Path):
    """Delete a partly written archive, if it could be created at all."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def create_backup(output_dir: Path, now=None):
    """Write a new archive into ``output_dir`` and return its path.

    The archive is written under a temporary name and renamed when complete, so a failed
    run never leaves a file that looks like a backup.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    final_path = output_dir / archive_name(now)
    partial_path = final_path.with_name(final_path.name + ".partial")
    files = {}

    try:
        # The archive contains the whole database (password hashes, TOTP secrets, the
        # personal data of questions), so only the owner may read it, whatever the umask.
        output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="muongte-backup-") as work:
            dump_path = Path(work) / "database"
            database_member = dump_database(dump_path)
            partial_path.touch(mode=0o600)
            partial_path.chmod(0o600)
            with tarfile.open(partial_path, "w:gz") as archive:
                with dump_path.open("rb") as dump:
                    files[database_member] = {
                        "sha256": sha256_of(dump),
                        "size": dump_path.stat().st_size,
                    }
                    dump.seek(0)
                    add_member(archive, database_member, dump, files[database_member]["size"])

                for name in list_media():
                    with tempfile.TemporaryFile() as copy, default_storage.open(name, "rb") as src:
                        shutil.copyfileobj(src, copy, CHUNK_SIZE)
                        size = copy.tell()
                        copy.seek(0)
                        checksum = sha256_of(copy)
                        copy.seek(0)
                        member = MEDIA_PREFIX + name
                        files[member] = {"sha256": checksum, "size": size}
                        add_member(archive, member, copy, size)

                manifest = {
                    "format": FORMAT_VERSION,
                    "created": now.isoformat(),
                    "database": {"vendor": connection.vendor, "member": database_member},
                    "files": files,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
                add_member(archive, MANIFEST_NAME, io.BytesIO(data), len(data))
        partial_path.replace(final_path)
    except OSError as error:
        discard(partial_path)
        raise BackupError(
            _("Could not write the backup to %(path)s: %(error)s")
            % {"path": output_dir, "error": error}
        ) from error
    except BaseException:
        discard(partial_path)
        raise
    return final_path


@dataclass
class RetentionPlan:
    keep: list
    delete: list


def plan_retention(paths, keep_weekly, keep_monthly):
    """Decide which archives to keep: the newest of each of the last ``keep_weekly`` ISO
    weeks and of each of the last ``keep_monthly`` months, and always the newest archive.

    Files whose names are not backup archives are neither kept nor deleted.
    """
    dated = sorted(
        ((archive_time(path), path) for path in paths if archive_time(path)), reverse=True
    )
    keep = set()
    if dated:
        keep.add(dated[0][1])
    for period_of, limit in (
        (lambda moment: moment.isocalendar()[:2], keep_weekly),
        (lambda moment: (moment.year, moment.month), keep_monthly),
    ):
        seen = []
        for moment, path in dated:
            period = period_of(moment)
            if period in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(period)
            keep.add(path)
    kept = [path for _moment, path in dated if path in keep]
    deleted = [path for _moment, path in dated if path not in keep]
    return RetentionPlan(keep=kept, delete=deleted)


def apply_retention(output_dir: Path, keep_weekly, keep_monthly):
    plan = plan_retention(list(output_dir.iterdir()), keep_weekly, keep_monthly)
    for path in plan.delete:
        path.unlink()
    return plan


def read_manifest(archive):
    try:
        member = archive.extractfile(MANIFEST_NAME)
    except KeyError as error:
        raise BackupError(
            _("The archive has no manifest.json: it is not a site backup.")
        ) from error
    manifest = json.loads(member.read().decode("utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            _("Unsupported backup format %(format)s.") % {"format": manifest.get("format")}
        )
    return manifest


def verify_archive(archive, manifest):
    """Check every member listed in the manifest against its size and SHA-256 checksum.

    Members are read in archive order, because seeking backwards in a gzip stream means
    decompressing it again from the start.
    """
    names = set(archive.getnames()) - {MANIFEST_NAME}
    listed = set(manifest["files"])
    if names != listed:
        raise BackupError(
            _("The archive's files differ from its manifest: %(names)s.")
            % {"names": ", ".join(sorted(names ^ listed)[:10])}
        )
    for member in archive:
        expected = manifest["files"].get(member.name)
        if expected is None:
            continue
        if (
            member.size != expected["size"]
            or sha256_of(archive.extractfile(member)) != expected["sha256"]
        ):
            raise BackupError(
                _("Checksum mismatch for %(name)s: the archive is damaged.") % {"name": member.name}
            )


def ensure_empty_target():
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            _(
                "The target database is not empty (%(count)s tables). Restore only into a new, "
                "empty database."
            )
            % {"count": len(tables)}
        )
    if list_media():
        raise BackupError(
            _("The media storage is not empty. Restore only into new, empty storage.")
        )


def restore_database(archive, manifest):
    member = manifest["database"]["member"]
    vendor = manifest["database"]["vendor"]
    if vendor != database_vendor():
        raise BackupError(
            _("The backup is of a %(source)s database but the target is %(target)s.")
            % {"source": vendor, "target": connection.vendor}
        )
    with tempfile.TemporaryDirectory(prefix="muongte-restore-") as work:
        dump_path = Path(work) / member
        with dump_path.open("wb") as dump:
            shutil.copyfileobj(archive.extractfile(member), dump, CHUNK_SIZE)
        if vendor == "postgresql":
            env, arguments = postgres_environment()
            connection.close()
            run_tool(
                [
                    "psql",
                    "--quiet",
                    "--no-psqlrc",
                    "--single-transaction",
                    "--set",
                    "ON_ERROR_STOP=1",
                    "--file",
                    str(dump_path),
                    *arguments,
                ],
                env,
            )
            return
        source = sqlite3.connect(dump_path)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()


def restore_media(archive, manifest):
    for member in archive:
        if not member.name.startswith(MEDIA_PREFIX):
            continue
        expected = manifest["files"][member.name]
        name = member.name[len(MEDIA_PREFIX) :]
        with tempfile.TemporaryFile() as copy:
            shutil.copyfileobj(archive.extractfile(member), copy, CHUNK_SIZE)
            copy.seek(0)
            saved_name = default_storage.save(name, File(copy))
        if saved_name != name:
            raise BackupError(
                _("The storage saved %(name)s as %(saved)s; the restore is incomplete.")
                % {"name": name, "saved": saved_name}
            )
        with default_storage.open(name, "rb") as stored:
            if sha256_of(stored) != expected["sha256"]:
                raise BackupError(
                    _("Checksum mismatch for %(name)s after it was written to storage.")
                    % {"name": name}
                )


def restore_backup(archive_path: Path):
    """Verify the archive, then restore it into the empty default database and storage.

    Returns the manifest.
    """
    try:
        archive = tarfile.open(archive_path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            _("Could not open the archive %(path)s: %(error)s")
            % {"path": archive_path, "error": error}
        ) from error
    with archive:
        manifest = read_manifest(archive)
        verify_archive(archive, manifest)
        ensure_empty_target()
        restore_database(archive, manifest)
        restore_media(archive, manifest)
    return manifest
