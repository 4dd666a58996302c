"""Bulk download of the whole dataset: one JSON document, or a zip of CSVs, stamped with versions."""

import io
import json
import zipfile

from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from statutes import selectors
from statutes.api import serializers as s
from statutes.api.renderers import to_csv
from statutes.choices import CODEBOOK_VERSION
from statutes.models import DataVersion, Jurisdiction

CSV_TABLES = [
    ("jurisdictions.csv", s.JurisdictionListSerializer, selectors.jurisdictions),
    ("offenses.csv", s.OffenseListSerializer, selectors.offenses),
    ("prongs.csv", s.ProngSerializer, selectors.prongs),
    ("penalty_classes.csv", s.PenaltyClassSerializer, selectors.penalty_classes),
    ("decisions.csv", s.DecisionSerializer, selectors.decisions),
    ("diversion_programs.csv", s.DiversionProgramSerializer, selectors.programs),
]


def stamp():
    version, changed_at = DataVersion.current()
    reviewed = Jurisdiction.objects.aggregate(latest=Max("last_reviewed"))["latest"]
    return {
        "codebook_version": CODEBOOK_VERSION,
        "data_version": version,
        "data_changed_at": changed_at.isoformat() if changed_at else None,
        "data_date": reviewed.isoformat() if reviewed else None,
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "notice": "Not legal advice. Every coded answer carries its citation, source URL and verbatim quote.",
        "csv_conventions": "Multi-valued fields joined with '|'; nested objects as JSON; quote segments joined with ' … '.",
    }


def _strict(request):
    unknown = sorted(set(request.query_params) - {"format"})
    if unknown:
        raise ValidationError({name: {"message": "Unknown parameter.", "accepts": []} for name in unknown})


class ExportJSONView(APIView):
    """The whole dataset as one JSON document: every jurisdiction with everything nested."""

    @extend_schema(tags=["export"], responses={(200, "application/json"): OpenApiTypes.OBJECT})
    def get(self, request):
        _strict(request)
        jurisdictions = list(selectors.jurisdiction_detail())
        data = []
        for jur in jurisdictions:
            serializer = s.JurisdictionDetailSerializer(jur, context={"request": request})
            serializer.context["jurisdiction_rows"] = {
                jur.pk: (list(jur.diversion_programs.all()), list(jur.penalty_classes.all()))
            }
            data.append(serializer.data)
        body = json.dumps({**stamp(), "jurisdictions": data}, ensure_ascii=False, default=str)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="harassment-law.json"'
        return response


class ExportZipView(APIView):
    """The whole dataset as a zip of CSV files (one per entity) with a metadata.json stamp."""

    @extend_schema(tags=["export"], responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request):
        _strict(request)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("metadata.json", json.dumps(stamp(), indent=2))
            for name, serializer_class, queryset in CSV_TABLES:
                rows = serializer_class(queryset(), many=True, context={"request": request}).data
                archive.writestr(name, to_csv(rows, list(serializer_class.Meta.fields)))
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="harassment-law-csv.zip"'
        return response
