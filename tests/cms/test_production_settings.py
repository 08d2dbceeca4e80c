"""Production settings: the deploy checks, media storage by env, JSON logs, whitenoise, gunicorn."""

import json
import subprocess
import sys

import pytest

from tests.processes import REPO, base_env, manage, read_env_file

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def production_env(**overrides: str | None) -> dict[str, str]:
    """The documented production environment (deploy/production.env.example) plus overrides."""
    return base_env(**{**read_env_file(), **overrides})


def test_documented_environment_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "check_id"),
    [("REDIS_URL", "cms.W001"), ("DATABASE_URL", "cms.W002")],
)
def test_deploy_checks_fail_without_shared_services(missing, check_id):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(**{missing: None})
    )
    assert result.returncode != 0
    assert check_id in result.stderr


def test_deploy_checks_fail_on_a_weak_secret_key():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(SECRET_KEY="short")
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=production_env(SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def storage_description(env: dict[str, str]) -> dict:
    """What default_storage is under the given environment, as seen by a fresh process."""
    code = (
        "import json; from django.core.files.storage import storages; s = storages['default']; "
        "print(json.dumps({'class': type(s).__name__, "
        "'bucket': getattr(s, 'bucket_name', None), "
        "'endpoint': getattr(s, 'endpoint_url', None), "
        "'overwrite': getattr(s, 'file_overwrite', None), "
        "'url': s.url('images/cover.jpg')}))"
    )
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_on_local_disk_by_default(tmp_path):
    storage = storage_description(production_env(MEDIA_ROOT=str(tmp_path)))
    assert storage["class"] == "FileSystemStorage"
    assert storage["url"] == "/media/images/cover.jpg"


def test_media_on_s3_compatible_storage_when_chosen():
    storage = storage_description(
        production_env(
            MEDIA_STORAGE="s3",
            AWS_STORAGE_BUCKET_NAME="podcast-media",
            AWS_S3_ENDPOINT_URL="https://objects.example.net",
            AWS_S3_CUSTOM_DOMAIN="media.example.com",
        )
    )
    assert storage == {
        "class": "S3Storage",
        "bucket": "podcast-media",
        "endpoint": "https://objects.example.net",
        "overwrite": False,
        "url": "https://media.example.com/media/images/cover.jpg",
    }


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'local' or 's3'"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be 'json' or 'text'"),
    ],
)
def test_bad_storage_or_log_settings_are_refused_with_a_message(overrides, message):
    result = manage("check", env=production_env(**overrides))
    assert result.returncode != 0
    assert message in result.stderr


def test_logs_are_json_lines_without_tokens():
    code = (
        "import logging; log = logging.getLogger('cms.test'); "
        "log.warning('hello', extra={'episode': 42}); "
        "log.warning('Not Found: %s', '/api/v2/review/SeCrEt-ToKeN/')"
    )
    result = manage("shell", "-c", code, env=production_env())
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    hello, not_found = (line for line in lines if line["logger"] == "cms.test")
    assert hello["message"] == "hello"
    assert hello["level"] == "WARNING"
    assert hello["episode"] == 42
    assert hello["time"].endswith("+00:00")
    assert not_found["message"] == "Not Found: /api/v2/review/[redacted]/"
    assert "SeCrEt" not in result.stderr


def test_whitenoise_serves_collected_static_files_with_immutable_caching(tmp_path):
    env = production_env(STATIC_ROOT=str(tmp_path / "static"), SECURE_SSL_REDIRECT="false")
    collected = manage("collectstatic", "--noinput", env=env, timeout=300)
    assert collected.returncode == 0, collected.stderr
    code = (
        "import json; from django.test import Client; "
        "from django.contrib.staticfiles.storage import staticfiles_storage as s; "
        "url = s.url('wagtailadmin/css/core.css'); "
        "r = Client(HTTP_HOST='cms.example.com').get(url); "
        "print(json.dumps({'url': url, 'status': r.status_code, "
        "'cache': r.headers.get('Cache-Control'), 'type': r.headers.get('Content-Type')}))"
    )
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.strip().splitlines()[-1])
    # The manifest storage puts a content hash in the name, so browsers may keep it forever.
    assert served["url"].startswith("/static/wagtailadmin/css/core.")
    assert served["url"] != "/static/wagtailadmin/css/core.css"
    assert served["status"] == 200
    assert "immutable" in served["cache"]
    assert served["type"].startswith("text/css")


def test_gunicorn_configuration_loads_and_reads_the_environment():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "gunicorn.conf.py"],
        cwd=REPO,
        env=production_env(WEB_CONCURRENCY="3", GUNICORN_BIND="127.0.0.1:8123"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    config = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition("=") for line in result.stdout.splitlines())
    )
    assert config["workers"] == "3"
    assert config["bind"] == "['127.0.0.1:8123']"
    assert config["wsgi_app"] == "cms.wsgi:application"
    assert config["accesslog"] == "None"


# gunicorn's own access logging, fed one request as its workers do after each response.
GUNICORN_ACCESS = """
import datetime, runpy
from gunicorn.config import Config
from gunicorn.glogging import Logger

cfg = Config()
for name, value in runpy.run_path("gunicorn.conf.py").items():
    if name in cfg.settings:
        cfg.set(name, value)


class Response:
    status, sent, headers = "404 Not Found", 23, []


environ = {
    "REQUEST_METHOD": "GET",
    "RAW_URI": "/api/v2/review/%(review)s/",
    "PATH_INFO": "/api/v2/review/%(review)s/",
    "QUERY_STRING": "",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "REMOTE_ADDR": "203.0.113.7",
    "HTTP_REFERER": "https://front.example/?content_type=a.b&token=%(preview)s",
    "HTTP_USER_AGENT": "test",
}
Logger(cfg).access(Response(), [], environ, datetime.timedelta(milliseconds=5))
"""


@pytest.mark.parametrize("enabled", ["true", "false"])
def test_gunicorn_access_log_is_off_by_default_and_redacted_when_on(enabled):
    review, preview = "Rv" + "x" * 41, "id%3D7%3A1v%3ASiGnAtUrE"
    result = subprocess.run(
        [sys.executable, "-c", GUNICORN_ACCESS % {"review": review, "preview": preview}],
        cwd=REPO,
        env=production_env(GUNICORN_ACCESS_LOG=enabled),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    if enabled == "false":
        assert access == []
    else:
        (line,) = access
        assert '"GET /api/v2/review/[redacted]/ HTTP/1.1" 404 23' in line["message"]
        assert "token=[redacted]" in line["message"]
        assert line["message"].startswith("203.0.113.7 - - [")
    assert review not in result.stderr + result.stdout
    assert "SiGnAtUrE" not in result.stderr + result.stdout
