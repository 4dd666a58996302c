"""Read-only API v1: the same FilterSets as the pages, strict parameters, JSON or CSV."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from statutes import filters, selectors
from statutes.api import serializers as s

FIELDS_PARAM = OpenApiParameter(
    "fields", OpenApiTypes.STR, description="Comma-separated field names to return (default: all).", required=False
)
DETAIL_PARAMS = {"format", "fields"}


class StrictFilterBackend(DjangoFilterBackend):
    """Runs the view's FilterSet and answers 400 naming every unknown parameter and invalid value."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        problems = filterset.param_errors()
        if problems:
            raise ValidationError(
                {
                    name: {
                        "message": message,
                        "accepts": filterset.accepts(name)
                        if name in filterset.filters
                        else sorted(filterset.filters) + sorted(filterset.extra_params),
                    }
                    for name, message in problems.items()
                }
            )
        return filterset.qs


class CodebookViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only endpoint: lists filter, paginate and pick fields; details accept only format and fields."""

    filter_backends = [StrictFilterBackend]
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "retrieve":
            unknown = sorted(set(request.query_params) - DETAIL_PARAMS)
            if unknown:
                raise ValidationError(
                    {name: {"message": "Unknown parameter.", "accepts": sorted(DETAIL_PARAMS)} for name in unknown}
                )

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        wanted = self.request.query_params.get("fields") if self.request else None
        if wanted:
            target = getattr(serializer, "child", serializer)
            keep = [name.strip() for name in wanted.split(",") if name.strip()]
            unknown = [name for name in keep if name not in target.fields]
            if unknown:
                raise ValidationError(
                    {"fields": {"message": f"Unknown field(s): {', '.join(unknown)}.", "accepts": list(target.fields)}}
                )
            for name in list(target.fields):
                if name not in keep:
                    target.fields.pop(name)
        return serializer


def _list_schema(tag):
    return extend_schema_view(
        list=extend_schema(tags=[tag], parameters=[FIELDS_PARAM]),
        retrieve=extend_schema(tags=[tag], parameters=[FIELDS_PARAM]),
    )


@_list_schema("jurisdictions")
class JurisdictionViewSet(CodebookViewSet):
    """The 57 jurisdictions; a detail nests offenses (with prongs, exemptions, enhancements), penalty classes,
    diversion programs (with eligibility rules) and decisions. Look up by USPS code, any case."""

    serializer_class = s.JurisdictionListSerializer
    detail_serializer_class = s.JurisdictionDetailSerializer
    filterset_class = filters.JurisdictionFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"

    def get_queryset(self):
        return selectors.jurisdiction_detail() if self.action == "retrieve" else selectors.jurisdictions()

    def get_object(self):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


@_list_schema("offenses")
class OffenseViewSet(CodebookViewSet):
    """Harassment-family offenses, one row per version."""

    serializer_class = s.OffenseListSerializer
    detail_serializer_class = s.OffenseDetailSerializer
    filterset_class = filters.OffenseFilter
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9._-]+"

    def get_queryset(self):
        return selectors.offense_detail() if self.action == "retrieve" else selectors.offenses()


@_list_schema("prongs")
class ProngViewSet(CodebookViewSet):
    """Prongs: one alternative way of committing an offense, coded element by element."""

    serializer_class = s.ProngSerializer
    filterset_class = filters.ProngFilter
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9._-]+"

    def get_queryset(self):
        return selectors.prongs()


@_list_schema("penalty-classes")
class PenaltyClassViewSet(CodebookViewSet):
    """Penalty classes: each jurisdiction's grades, with maximum jail and fine."""

    serializer_class = s.PenaltyClassSerializer
    filterset_class = filters.PenaltyClassFilter
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9._-]+"

    def get_queryset(self):
        return selectors.penalty_classes()


@_list_schema("decisions")
class DecisionViewSet(CodebookViewSet):
    """Court decisions that struck, narrowed, interpreted or upheld an offense."""

    serializer_class = s.DecisionSerializer
    filterset_class = filters.DecisionFilter
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9._-]+"

    def get_queryset(self):
        return selectors.decisions()


@_list_schema("diversion-programs")
class DiversionProgramViewSet(CodebookViewSet):
    """Diversion mechanisms that can end a charge without a conviction, with their eligibility rules."""

    serializer_class = s.DiversionProgramSerializer
    filterset_class = filters.DiversionProgramFilter
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9._-]+"

    def get_queryset(self):
        return selectors.programs()
