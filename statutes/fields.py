"""A multi-valued choice field that works the same on SQLite and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Lookup


class MultiChoiceField(models.TextField):
    """Stores a list of choice values as ",a,b," so `field__has="a"` is one indexable LIKE on any database.

    The Python value is always a list (possibly empty); `None` means "not yet coded".
    """

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        if isinstance(value, tuple):
            return list(value)
        return [v for v in value.split(",") if v]

    def get_prep_value(self, value):
        value = self.to_python(value)
        if value is None:
            return None
        return "," + ",".join(value) + "," if value else ","

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj) or [])

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and self.choices_class is not None:
            bad = [v for v in value if v not in self.choices_class.values]
            if bad:
                raise ValidationError(f"Not allowed: {', '.join(bad)}")

    def formfield(self, **kwargs):
        if self.choices_class is None:
            return super().formfield(**kwargs)
        return forms.TypedMultipleChoiceField(
            choices=self.choices_class.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            empty_value=None,
        )


@MultiChoiceField.register_lookup
class Has(Lookup):
    """`field__has="value"`: the list contains value."""

    lookup_name = "has"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*lhs_params, f"%,{self.rhs},%"]


SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SLUG_URL_PATTERN = "[a-z0-9._-]+"  # the same characters, as a URL path segment


class SlugField(models.CharField):
    """A stable public identifier: lower-case letters, digits, "-", "_" and "." (tx-penal-42.07)."""

    default_validators = [RegexValidator(SLUG_PATTERN, "Use lower-case letters, digits, '.', '_' and '-'.")]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)
