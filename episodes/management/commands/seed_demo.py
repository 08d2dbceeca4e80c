"""Creates the demo site, show, people and episodes; running it again changes nothing."""

from django.core.management.base import BaseCommand

from episodes.demo.seed import Seeder


class Command(BaseCommand):
    help = "Create the demo site, show, people, rubrics and episodes (idempotent)."

    def handle(self, *args, **options):
        created = Seeder().run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {', '.join(created)}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
