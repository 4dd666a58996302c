"""FilterSets shared by the pages and the API, so a query string means the same on both.

Every codebook choice, multi-choice and boolean field is a multi-select filter; the value `null` selects
rows not yet coded. Unknown parameters are errors, never silently ignored (see StrictFilterSet).
"""

import django_filters as df
from django import forms
from django.db.models import Q

from statutes.fields import MultiChoiceField
from statutes.models import CourtDecision, DiversionProgram, Jurisdiction, Offense, PenaltyClass, Prong

NULL = "null"
NULL_LABEL = "Not yet coded"
BOOLEAN_CHOICES = [("true", "Yes"), ("false", "No")]
MAX_VALUES_PER_FILTER = 60


class CodebookChoiceFilter(df.MultipleChoiceFilter):
    """Rows whose field has any of the chosen values; `null` = not yet coded; works on multi-choice fields."""

    def __init__(self, *args, multi=False, boolean=False, **kwargs):
        self.multi = multi
        self.boolean = boolean
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        query = Q()
        for item in value:
            if item == NULL:
                query |= Q(**{f"{self.field_name}__isnull": True})
            elif self.boolean:
                query |= Q(**{self.field_name: item == "true"})
            elif self.multi:
                query |= Q(**{f"{self.field_name}__has": item})
            else:
                query |= Q(**{self.field_name: item})
        return qs.filter(query).distinct() if self.distinct else qs.filter(query)


def codebook_filter(model_field, field_name=None, label=None):
    """The filter for one model field, with its choices and help text taken from the model."""
    boolean = model_field.get_internal_type() == "BooleanField"
    if isinstance(model_field, MultiChoiceField):
        options = list(model_field.choices_class.choices)
    elif boolean:
        options = list(BOOLEAN_CHOICES)
    else:
        options = list(model_field.choices)
    if model_field.null:
        options.append((NULL, NULL_LABEL))
    return CodebookChoiceFilter(
        field_name=field_name or model_field.name,
        choices=options,
        label=label or model_field.verbose_name.capitalize(),
        help_text=model_field.help_text,
        multi=isinstance(model_field, MultiChoiceField),
        boolean=boolean,
        distinct=False,
    )


def codebook_filters(model, prefix="", exclude=()):
    """A filter for every choice, multi-choice and boolean field of `model`."""
    filters = {}
    for field in model._meta.concrete_fields:
        if field.name in exclude:
            continue
        is_choice = bool(field.choices) or isinstance(field, MultiChoiceField)
        if is_choice or field.get_internal_type() == "BooleanField":
            filters[field.name] = codebook_filter(field, f"{prefix}{field.name}")
    return filters


class JurisdictionCodeFilter(df.MultipleChoiceFilter):
    """`jurisdiction=TX&jurisdiction=ny`: any case; repeatable."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Jurisdiction")
        kwargs.setdefault("help_text", "USPS code (US for federal law); repeat for several.")
        kwargs.setdefault("choices", [])  # filled per request by StrictFilterSet (the codes live in the database)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": [v.upper() for v in value]})


def jurisdiction_choices():
    return list(Jurisdiction.objects.order_by("code").values_list("code", "name"))


class StrictFilterSet(df.FilterSet):
    """A FilterSet that knows which query parameters it accepts, so others can be reported."""

    # Parameters that are not filters but that the page or endpoint reads.
    extra_params = {"page", "page_size", "format", "fields", "ordering"}
    max_values = MAX_VALUES_PER_FILTER
    # Codes are accepted in any case (tx, TX, Tx).
    upper_case_params = {"jurisdiction", "code"}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and any(name in data for name in self.upper_case_params):
            data = data.copy()
            for name in self.upper_case_params:
                if name in data:
                    data.setlist(name, [value.upper() for value in data.getlist(name)])
        super().__init__(data, *args, **kwargs)
        if any(name in (data or {}) for name, flt in self.filters.items() if isinstance(flt, JurisdictionCodeFilter)):
            self.load_jurisdiction_choices()

    def load_jurisdiction_choices(self):
        """Give the code filters their choices (one query); needed to validate codes or render the form."""
        codes = None
        for flt in self.filters.values():
            if isinstance(flt, JurisdictionCodeFilter):
                codes = codes if codes is not None else jurisdiction_choices()
                flt.extra["choices"] = codes
                # A form field built earlier (e.g. by schema generation) would keep its empty choices.
                flt.__dict__.pop("_field", None)

    def unknown_params(self, extra=()):
        return sorted(set(self.data.keys()) - set(self.filters) - set(self.extra_params) - set(extra))

    def param_errors(self, extra=()):
        """{param: message} for every unknown parameter or invalid value (empty when all is well).

        `extra` names further parameters the caller reads itself."""
        errors = {name: "Unknown parameter." for name in self.unknown_params(extra)}
        for name in self.filters:
            if hasattr(self.data, "getlist") and len(self.data.getlist(name)) > self.max_values:
                errors[name] = f"At most {self.max_values} values."
        if not self.is_valid():
            for name, messages in self.errors.items():
                errors[name] = " ".join(str(m) for m in messages)
        return errors

    def accepts(self, name):
        """What a parameter accepts, in words (for error messages)."""
        field = self.filters[name].field if name in self.filters else None
        options = getattr(field, "choices", None)
        if options:
            return [str(value) for value, _ in options][: self.max_values]
        return None


class AsOfFilter(df.DateFilter):
    """Offense versions in force on a date (YYYY-MM-DD)."""

    def __init__(self, *args, prefix="", **kwargs):
        self.prefix = prefix
        kwargs.setdefault("label", "Law as of")
        kwargs.setdefault("help_text", "Only offense versions in force on this date (YYYY-MM-DD).")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        p = self.prefix
        return qs.filter(Q(**{f"{p}effective_from__isnull": True}) | Q(**{f"{p}effective_from__lte": value})).filter(
            Q(**{f"{p}effective_to__isnull": True}) | Q(**{f"{p}effective_to__gte": value})
        )


class TextSearchFilter(df.CharFilter):
    """Full text (`q`): every word must occur in one of the fields."""

    def __init__(self, *args, fields=(), **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", "Text")
        kwargs.setdefault("help_text", "Words that must all occur in the statute text, names, citations or quotes.")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        for word in (value or "").split()[:12]:
            query = Q()
            for name in self.search_fields:
                query |= Q(**{f"{name}__icontains": word})
            qs = qs.filter(query)
        return qs


def _ordering(*fields):
    return df.OrderingFilter(fields=fields, help_text="Sort by a field; prefix with - for descending.")


class ProngFilter(StrictFilterSet):
    jurisdiction = JurisdictionCodeFilter(field_name="offense__jurisdiction__code")
    family = codebook_filter(Offense._meta.get_field("family"), "offense__family", "Offense family")
    as_of = AsOfFilter(prefix="offense__")
    q = TextSearchFilter(fields=("offense__text", "offense__name", "citation", "offense__citation", "mens_rea_text"))
    tier = codebook_filter(PenaltyClass._meta.get_field("tier"), "penalty_class__tier", "Penalty tier")
    ordering = _ordering(
        ("offense__jurisdiction__code", "jurisdiction"),
        ("offense__citation", "citation"),
        "pinpoint",
        "mens_rea_level",
        "repetition",
        "status",
        ("penalty_class__max_jail_days", "max_jail_days"),
    )
    locals().update(codebook_filters(Prong))

    class Meta:
        model = Prong
        fields = []


class OffenseFilter(StrictFilterSet):
    jurisdiction = JurisdictionCodeFilter(field_name="jurisdiction__code")
    as_of = AsOfFilter()
    q = TextSearchFilter(fields=("text", "name", "citation", "slug"))
    ordering = _ordering(("jurisdiction__code", "jurisdiction"), "citation", "family", "effective_from", "status")
    locals().update(codebook_filters(Offense))

    class Meta:
        model = Offense
        fields = []


class PenaltyClassFilter(StrictFilterSet):
    jurisdiction = JurisdictionCodeFilter(field_name="jurisdiction__code")
    q = TextSearchFilter(fields=("label", "citation", "slug"))
    ordering = _ordering(("jurisdiction__code", "jurisdiction"), "max_jail_days", "max_fine_usd", "tier")
    locals().update(codebook_filters(PenaltyClass))

    class Meta:
        model = PenaltyClass
        fields = []


class DecisionFilter(StrictFilterSet):
    jurisdiction = JurisdictionCodeFilter(field_name="jurisdiction__code")
    q = TextSearchFilter(fields=("case_name", "citation", "summary", "affected_language"))
    ordering = _ordering(("jurisdiction__code", "jurisdiction"), "decided_on", "case_name")
    locals().update(codebook_filters(CourtDecision))

    class Meta:
        model = CourtDecision
        fields = []


class DiversionProgramFilter(StrictFilterSet):
    jurisdiction = JurisdictionCodeFilter(field_name="jurisdiction__code")
    q = TextSearchFilter(fields=("name", "citation", "duration_rule", "fee_rule", "routing_note"))
    ordering = _ordering(("jurisdiction__code", "jurisdiction"), "name", "mechanism")
    locals().update(codebook_filters(DiversionProgram))

    class Meta:
        model = DiversionProgram
        fields = []


class JurisdictionFilter(StrictFilterSet):
    code = JurisdictionCodeFilter(field_name="code", label="Code")
    name = df.CharFilter(
        field_name="name", lookup_expr="iexact", label="Name", help_text="Full name, any case (e.g. New York)."
    )
    q = TextSearchFilter(fields=("name", "summary"))
    ordering = _ordering("code", "name", "last_reviewed")
    locals().update(codebook_filters(Jurisdiction))

    class Meta:
        model = Jurisdiction
        fields = []
