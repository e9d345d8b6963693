from django.core.management.base import BaseCommand

from zhibu.mentoring import retention


class Command(BaseCommand):
    help = "Anonymise students who left longer ago than the branch's retention period and purge case texts."

    def handle(self, *args, **options) -> None:
        result = retention.run()
        self.stdout.write(
            self.style.SUCCESS(f"anonymised {result.students} students, purged {result.logs} log entries")
        )
