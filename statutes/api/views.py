"""Read-only API v1: the same FilterSets as the pages, strict parameters, JSON or CSV."""

from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from statutes import filters, selectors
from statutes.api import serializers as s
from statutes.choices import EligibilityResult
from statutes.eligibility import LIST_FIELDS, EligibilityQuery, check, facts_from, jurisdiction_context, public_facts
from statutes.fields import SLUG_URL_PATTERN

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
    lookup_field = "slug"
    lookup_value_regex = SLUG_URL_PATTERN

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

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        # Offenses' dispositions read the programs and classes already fetched with the jurisdiction.
        serializer.context["jurisdiction_rows"] = {
            instance.pk: (list(instance.diversion_programs.all()), list(instance.penalty_classes.all()))
        }
        return Response(serializer.data)


@_list_schema("offenses")
class OffenseViewSet(CodebookViewSet):
    """Harassment-family offenses, one row per version."""

    serializer_class = s.OffenseListSerializer
    detail_serializer_class = s.OffenseDetailSerializer
    filterset_class = filters.OffenseFilter

    def get_queryset(self):
        return selectors.offense_detail() if self.action == "retrieve" else selectors.offenses()


@_list_schema("prongs")
class ProngViewSet(CodebookViewSet):
    """Prongs: one alternative way of committing an offense, coded element by element."""

    serializer_class = s.ProngSerializer
    filterset_class = filters.ProngFilter

    def get_queryset(self):
        return selectors.prongs()


@_list_schema("penalty-classes")
class PenaltyClassViewSet(CodebookViewSet):
    """Penalty classes: each jurisdiction's grades, with maximum jail and fine."""

    serializer_class = s.PenaltyClassSerializer
    filterset_class = filters.PenaltyClassFilter

    def get_queryset(self):
        return selectors.penalty_classes()


@_list_schema("decisions")
class DecisionViewSet(CodebookViewSet):
    """Court decisions that struck, narrowed, interpreted or upheld an offense."""

    serializer_class = s.DecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self):
        return selectors.decisions()


@_list_schema("diversion-programs")
class DiversionProgramViewSet(CodebookViewSet):
    """Diversion mechanisms that can end a charge without a conviction, with their eligibility rules."""

    serializer_class = s.DiversionProgramSerializer
    filterset_class = filters.DiversionProgramFilter

    def get_queryset(self):
        return selectors.programs()


class EligibilityResultSerializer(drf_serializers.Serializer):
    program = drf_serializers.DictField(help_text="slug, name, mechanism, url")
    result = drf_serializers.ChoiceField(choices=EligibilityResult.choices)
    result_label = drf_serializers.CharField()
    reasons = drf_serializers.ListField(
        child=drf_serializers.DictField(), help_text="In order: id, kind, outcome, cite, quote, note, facts, text."
    )
    missing_facts = drf_serializers.ListField(
        child=drf_serializers.DictField(),
        help_text="Facts that would change the result, with the criteria they decide.",
    )
    discretion = drf_serializers.ListField(child=drf_serializers.DictField())
    presumptions = drf_serializers.ListField(child=drf_serializers.DictField())
    findings_required = drf_serializers.ListField(child=drf_serializers.DictField())
    factors = drf_serializers.ListField(child=drf_serializers.DictField())
    overrides = drf_serializers.ListField(child=drf_serializers.DictField())
    cannot_check = drf_serializers.ListField(child=drf_serializers.DictField())


class EligibilityResponseSerializer(drf_serializers.Serializer):
    jurisdiction = drf_serializers.CharField()
    facts = drf_serializers.DictField(
        help_text="The facts evaluated, after deriving the offense level from the charged class."
    )
    results = EligibilityResultSerializer(many=True)
    notice = drf_serializers.CharField()


NOT_LEGAL_ADVICE = (
    "Not legal advice: an indicator computed from coded rules. The law and the facts of a case can differ."
)


class EligibilityView(APIView):
    """Evaluate every diversion program of a jurisdiction against a person's facts (all optional)."""

    @extend_schema(tags=["eligibility"], parameters=[EligibilityQuery], responses=EligibilityResponseSerializer)
    def get(self, request):
        allowed = set(EligibilityQuery().fields) | {"format"}
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError(
                {name: {"message": "Unknown parameter.", "accepts": sorted(allowed)} for name in unknown}
            )
        data = {
            k: (request.query_params.getlist(k) if k in LIST_FIELDS else request.query_params.get(k))
            for k in request.query_params
            if k != "format"
        }
        context = jurisdiction_context(data.get("jurisdiction"))
        query = EligibilityQuery(data=data, context=context)
        if not query.is_valid():
            raise ValidationError(
                {
                    name: {"message": " ".join(map(str, msgs)) if isinstance(msgs, list) else str(msgs)}
                    for name, msgs in query.errors.items()
                }
            )
        code = query.validated_data["jurisdiction"]
        facts = facts_from(query.validated_data, context)
        results = [
            {
                "program": {
                    "slug": r["program"].slug,
                    "name": r["program"].name,
                    "mechanism": r["program"].mechanism,
                    "url": request.build_absolute_uri(reverse("api:diversionprogram-detail", args=[r["program"].slug])),
                },
                "result_label": r["label"],
                **r["evaluation"].as_dict(),
            }
            for r in check(code, facts)
        ]
        return Response(
            {"jurisdiction": code, "facts": public_facts(facts), "results": results, "notice": NOT_LEGAL_ADVICE}
        )
