import string

from django.contrib.auth import password_validation
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


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule with a Chinese message: Django 5.2 changed the English msgid and its zh-hans
    catalog still carries the old one, so the stock message shows in English."""

    def get_error_message(self) -> str:
        return _("密码太短，至少需要%(n)d个字符。") % {"n": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少需要%(n)d个字符。") % {"n": self.min_length}
