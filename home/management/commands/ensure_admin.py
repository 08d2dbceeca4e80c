"""Makes sure a local admin account exists and prints how to log in."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or keep) the local 'admin' superuser and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username: str, **options):
        # The password lives beside the SQLite file so every run can print it again.
        secret_file = Path(settings.BASE_DIR) / "var" / f"{username}-password.txt"
        password = os.environ.get("ADMIN_PASSWORD") or (
            secret_file.read_text().strip() if secret_file.exists() else secrets.token_urlsafe(12)
        )
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not user.check_password(password):
            user = user or User(username=username, email=f"{username}@localhost")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        secret_file.parent.mkdir(exist_ok=True)
        secret_file.write_text(password)
        secret_file.chmod(0o600)
        self.stdout.write(f"Admin login: {username} / {password}")
