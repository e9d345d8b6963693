import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassValidator:
    """At least `classes` of: lower case, upper case, digits, symbols (the usual 等保 rule)."""

    def __init__(self, classes: int = 3) -> None:
        self.classes = classes

    def _count(self, password: str) -> int:
        groups = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(c in string.punctuation or c.isspace() for c in password),
        ]
        return sum(groups)

    def validate(self, password: str, user=None) -> None:
        if self._count(password) < self.classes:
            raise ValidationError(
                _("密码须至少包含小写字母、大写字母、数字、符号中的%(n)d类。") % {"n": self.classes},
                code="password_classes",
            )

    def get_help_text(self) -> str:
        return _("密码须至少包含小写字母、大写字母、数字、符号中的%(n)d类。") % {"n": self.classes}
