"""HTML pages: thin views over the selectors and the shared FilterSets."""

import datetime
import json
from collections import Counter

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import TemplateView

from statutes import codebook, filters, selectors, tilemap
from statutes.api.renderers import to_csv
from statutes.coverage import coverage
from statutes.models import Jurisdiction
from statutes.search import search as run_search

IDENTITY_COLUMNS = ["jurisdiction", "citation", "pinpoint", "name", "slug"]
PAGE_PARAMS = {"rows", "columns", "format"}
SIDE_BY_SIDE_MAX = 6


def jurisdiction_url(code):
    return reverse("statutes:jurisdiction", args=[code.lower()])


class HomeView(TemplateView):
    template_name = "statutes/home.html"

    def get(self, request, *args, **kwargs):
        names = [name for name, _, _ in selectors.map_variables()]
        chosen = request.GET.get("color", "coverage")
        unknown = sorted(set(request.GET) - {"color"})
        status = 200
        errors = {}
        if chosen not in names:
            errors["color"] = f"Unknown map variable {chosen!r}."
            chosen = "coverage"
        for name in unknown:
            errors[name] = "Unknown parameter."
        if errors:
            status = 400
        context = self.get_context_data(chosen=chosen, errors=errors)
        return self.render_to_response(context, status=status)

    def get_context_data(self, *, chosen, errors, **kwargs):
        values, labels = selectors.map_values(chosen)
        cov = coverage()
        statuses = Counter()
        for c in cov:
            statuses.update(c.statuses)
        variables = selectors.map_variables()
        return {
            "map": tilemap.build(values, labels, jurisdiction_url),
            "variables": variables,
            "chosen": chosen,
            "chosen_help": next(h for n, _, h in variables if n == chosen),
            "chosen_label": next(label for n, label, _ in variables if n == chosen),
            "statuses": [(s, statuses.get(s, 0)) for s in ("draft", "coded", "verified", "disputed")],
            "complete": sum(c.complete for c in cov),
            "partial": sum((not c.complete) and c.rows > 0 for c in cov),
            "empty": sum(c.rows == 0 for c in cov),
            "errors": errors,
        }


class JurisdictionView(TemplateView):
    template_name = "statutes/jurisdiction.html"

    def get(self, request, *args, **kwargs):
        if request.GET:
            return render(
                request, "statutes/error.html", {"errors": {k: "Unknown parameter." for k in request.GET}}, status=400
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        code = kwargs["code"].upper()
        try:
            jur = selectors.jurisdiction_detail().get(code=code)
        except Jurisdiction.DoesNotExist:
            raise Http404(f"No jurisdiction {code}") from None
        offenses = list(jur.offenses.all())
        programs = list(jur.diversion_programs.all())
        from statutes.eligibility import offense_dispositions

        classes = list(jur.penalty_classes.all())
        cross = {
            offense.slug: [(d["program"], d["label"]) for d in offense_dispositions(offense, programs, classes)]
            for offense in offenses
        }
        return {
            "jur": jur,
            "offenses": offenses,
            "programs": programs,
            "decisions": list(jur.decisions.all()),
            "penalty_classes": list(jur.penalty_classes.all()),
            "cross": cross,
            "prong_vars": codebook.PRONG_VARIABLES,
            "offense_vars": codebook.OFFENSE_VARIABLES,
            "prong_fields": [v for v in codebook.PRONG_COLUMNS if v not in ("status", "confidence", "penalty_class")],
            "program_vars": {v.name: v for v in codebook.variables(type(programs[0]))} if programs else {},
            "today": datetime.date.today(),
            "checks": [_check(review) for review in jur.reviews or []],
        }


def _check(review):
    """One independent blind check as the jurisdiction page shows it (the data file's `reviews:` entry)."""
    resolved = str(review.get("resolved") or "")
    return {
        **review,
        "resolutions": [part.strip() for part in resolved.split(" | ") if part.strip()],
        "verified": review.get("verified") or [],
    }


def _facets(filterset, rows):
    """Counts of each filter value among the rows shown (computed from the rows already fetched)."""
    counts = {}
    for name, flt in filterset.filters.items():
        if not getattr(flt, "extra", None) or "choices" not in flt.extra:
            continue
        path = flt.field_name.split("__")
        counter = Counter()
        for row in rows:
            value = row
            for part in path:
                value = getattr(value, part, None) if value is not None else None
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, bool):
                    item = "true" if item else "false"
                counter[filters.NULL if item is None else item] += 1
        counts[name] = counter
    return counts


class CompareView(TemplateView):
    template_name = "statutes/compare.html"

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("rows", "prongs")
        errors = {}
        if kind not in ("prongs", "offenses"):
            errors["rows"] = "Choose prongs or offenses."
            kind = "prongs"
        filter_class, queryset, allowed, default = (
            (filters.ProngFilter, selectors.prongs(), codebook.PRONG_COLUMNS, codebook.DEFAULT_PRONG_COLUMNS)
            if kind == "prongs"
            else (
                filters.OffenseFilter,
                selectors.offenses(),
                codebook.OFFENSE_COLUMNS,
                codebook.DEFAULT_OFFENSE_COLUMNS,
            )
        )
        filterset = filter_class(request.GET, queryset=queryset, request=request)
        fmt = request.GET.get("format", "html")
        if fmt == "html":
            filterset.load_jurisdiction_choices()
        columns = request.GET.getlist("columns") or default
        bad_columns = [c for c in columns if c not in allowed]
        if bad_columns:
            errors["columns"] = f"Unknown column(s): {', '.join(bad_columns)}. Accepts: {', '.join(allowed)}."
        if fmt not in ("html", "csv", "json"):
            errors["format"] = "Choose html, csv or json."
        errors.update(filterset.param_errors(extra=PAGE_PARAMS))
        if errors:
            if fmt in ("csv", "json"):
                return safe_json({"errors": errors}, status=400)
            return self.render_to_response(
                {
                    "errors": errors,
                    "filterset": filterset,
                    "kind": kind,
                    "rows": [],
                    "columns": [],
                    "facets": {},
                    "allowed": allowed,
                },
                status=400,
            )
        objects = list(filterset.qs)
        rows = selectors.comparison_rows(objects, kind, columns)
        if fmt == "csv":
            response = HttpResponse(to_csv(rows, IDENTITY_COLUMNS + columns), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="harassment-law-compare.csv"'
            return response
        if fmt == "json":
            return JsonResponse(
                {"count": len(rows), "columns": IDENTITY_COLUMNS + columns, "rows": rows},
                json_dumps_params={"ensure_ascii": False},
            )
        variables = codebook.PRONG_VARIABLES if kind == "prongs" else codebook.OFFENSE_VARIABLES
        query = request.GET.copy()
        query.pop("format", None)
        return self.render_to_response(
            {
                "filterset": filterset,
                "kind": kind,
                "objects": objects,
                "rows": list(zip(rows, objects, strict=True)),
                "columns": [variables[c] for c in columns],
                "column_names": columns,
                "allowed": [variables[c] for c in allowed],
                "facets": _facets(filterset, objects),
                "choice_fields": [
                    name
                    for name, field in filterset.form.fields.items()
                    if hasattr(field, "choices") and name != "ordering"
                ],
                "csv_url": "?" + _with(query, format="csv"),
                "json_url": "?" + _with(query, format="json"),
                "querystring": query.urlencode(),
                "sort_links": {
                    c: "?" + _with(query, ordering=c)
                    for c in ("jurisdiction", "citation", "pinpoint", "mens_rea_level", "repetition", "status")
                },
                "errors": {},
            }
        )


def safe_json(data, status=200):
    """JSON with markup characters escaped, like the API's."""
    body = (
        json.dumps(data, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return HttpResponse(body, status=status, content_type="application/json")


def _with(query, **changes):
    query = query.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


class SideBySideView(TemplateView):
    template_name = "statutes/side_by_side.html"

    def get(self, request, *args, **kwargs):
        codes = [c.upper() for c in request.GET.getlist("jurisdiction")]
        errors = {k: "Unknown parameter." for k in request.GET if k != "jurisdiction"}
        known = dict(Jurisdiction.objects.values_list("code", "name"))
        bad = [c for c in codes if c not in known]
        if bad:
            errors["jurisdiction"] = f"Unknown jurisdiction(s): {', '.join(bad)}."
        elif codes and not 2 <= len(codes) <= SIDE_BY_SIDE_MAX:
            errors["jurisdiction"] = f"Choose 2 to {SIDE_BY_SIDE_MAX} jurisdictions."
        if errors or not codes:
            return self.render_to_response(
                {"errors": errors, "known": known, "codes": codes}, status=400 if errors else 200
            )
        jurs = {j.code: j for j in selectors.jurisdiction_detail().filter(code__in=codes)}
        columns = [jurs[c] for c in dict.fromkeys(codes)]
        return self.render_to_response(
            {"columns": columns, "rows": side_by_side_rows(columns), "known": known, "codes": codes, "errors": {}}
        )


def side_by_side_rows(jurisdictions):
    """Aligned rows: (label, help, [cell per jurisdiction], differs)."""
    jur_vars = {v.name: v for v in codebook.variables(Jurisdiction)}
    rows = []

    def add(label, help_text, cells):
        rows.append(
            {
                "label": label,
                "help": help_text,
                "cells": cells,
                "differs": len({json.dumps(c, default=str, sort_keys=True) for c in cells}) > 1,
            }
        )

    for name in ("has_offense_titled_harassment", "dv_definition_model"):
        var = jur_vars[name]
        add(
            var.label,
            var.help_text,
            [[var.display(getattr(j, name))] if getattr(j, name) is not None else [None] for j in jurisdictions],
        )
    add(
        "Primary offense",
        jur_vars["primary_offense"].help_text,
        [
            [f"{j.primary_offense.citation} — {j.primary_offense.name}"] if j.primary_offense else [None]
            for j in jurisdictions
        ],
    )
    primary = {
        j.code: [p for o in j.offenses.all() if o.pk == j.primary_offense_id for p in o.prongs.all()]
        for j in jurisdictions
    }
    for name in (*codebook.KEY_ELEMENTS, "prior_request_to_stop", "no_legitimate_purpose", "enforceability"):
        var = codebook.PRONG_VARIABLES[name]
        cells = []
        for j in jurisdictions:
            values = []
            for prong in primary[j.code]:
                value = getattr(prong, name)
                for item in value if isinstance(value, list) else [value]:
                    shown = None if item is None else var.display(item)
                    if shown not in values:
                        values.append(shown)
            cells.append(values or [None])
        add(f"Primary offense: {var.label.lower()}", var.help_text, cells)
    add(
        "Lowest penalty class",
        "The base grade of the primary offense's least serious prong.",
        [_lowest_class(primary[j.code]) for j in jurisdictions],
    )
    add(
        "Harassment-family offenses coded",
        "Every harassment-family offense in force or in an earlier version.",
        [[f"{o.citation}" for o in j.offenses.all()] or [None] for j in jurisdictions],
    )
    add(
        "Diversion mechanisms",
        "Mechanisms that can end a charge without a conviction.",
        [[p.get_mechanism_display() for p in j.diversion_programs.all()] or [None] for j in jurisdictions],
    )
    add(
        "Court decisions recorded",
        "Decisions that struck, narrowed, interpreted or upheld an offense.",
        [[d.case_name for d in j.decisions.all()] or [None] for j in jurisdictions],
    )
    return rows


def _lowest_class(prongs):
    classes = sorted(
        {p.penalty_class for p in prongs if p.penalty_class},
        key=lambda c: (c.max_jail_days is None, c.max_jail_days or 0),
    )
    if not classes:
        return [None]
    c = classes[0]
    days = "max jail not coded" if c.max_jail_days is None else f"{c.max_jail_days} days"
    fine = "max fine not coded" if c.max_fine_usd is None else f"${c.max_fine_usd:,}"
    return [f"{c.label} ({days}, {fine})"]


class CodebookView(TemplateView):
    template_name = "statutes/codebook.html"

    def get_context_data(self, **kwargs):
        from statutes.choices import CODEBOOK_VERSION
        from statutes.rules import FACTS

        return {
            "entities": [(label, section, codebook.variables(model)) for label, model, section in codebook.ENTITIES],
            "no_answer": [(value, css, label) for value, (css, label) in codebook.NO_ANSWER.items()],
            "facts": sorted(FACTS.items()),
            "version": CODEBOOK_VERSION,
        }


class SearchView(TemplateView):
    template_name = "statutes/search.html"

    def get(self, request, *args, **kwargs):
        q = request.GET.get("q", "")
        jurisdiction = request.GET.get("jurisdiction", "").upper() or None
        errors = {k: "Unknown parameter." for k in request.GET if k not in ("q", "jurisdiction")}
        if len(q) > 200:
            errors["q"] = "At most 200 characters."
        if "\x00" in q:
            errors["q"] = "Invalid character."
        if jurisdiction and not Jurisdiction.objects.filter(code=jurisdiction).exists():
            errors["jurisdiction"] = "Unknown jurisdiction."
        if errors:
            return self.render_to_response({"errors": errors, "q": q, "results": []}, status=400)
        return self.render_to_response(
            {"q": q, "results": run_search(q, jurisdiction), "jurisdiction": jurisdiction, "errors": {}}
        )


class ChangesView(TemplateView):
    template_name = "statutes/changes.html"

    def get(self, request, *args, **kwargs):
        from statutes.changes import recent_changes

        code = request.GET.get("jurisdiction", "").upper() or None
        errors = {k: "Unknown parameter." for k in request.GET if k != "jurisdiction"}
        if code and not Jurisdiction.objects.filter(code=code).exists():
            errors["jurisdiction"] = "Unknown jurisdiction."
        if errors:
            return self.render_to_response({"errors": errors, "changes": []}, status=400)
        return self.render_to_response(
            {"changes": recent_changes(jurisdiction=code), "jurisdiction": code, "errors": {}}
        )


class EligibilityPageView(TemplateView):
    """The diversion checker: every program of a jurisdiction against the answers given (all optional)."""

    template_name = "statutes/eligibility.html"

    def get(self, request, *args, **kwargs):
        from statutes.choices import Family, Stage
        from statutes.eligibility import (
            LEVEL_CHOICES,
            LIST_FIELDS,
            EligibilityQuery,
            check,
            facts_from,
            jurisdiction_context,
            public_facts,
        )

        data = {k: (request.GET.getlist(k) if k in LIST_FIELDS else request.GET.get(k)) for k in request.GET}
        data = {k: v for k, v in data.items() if v not in ("", [], None)}
        allowed = set(EligibilityQuery().fields)
        errors = {k: "Unknown parameter." for k in data if k not in allowed}
        code = (data.get("jurisdiction") or "").upper()
        context = jurisdiction_context(code)
        jur = Jurisdiction.objects.filter(code=code).first() if code else None
        page = {
            "jurisdictions": list(Jurisdiction.objects.order_by("name").values_list("code", "name")),
            "jur": jur,
            "offenses": sorted((slug, o["label"]) for slug, o in context["offenses"].items()),
            "prongs": sorted((slug, p["label"]) for slug, p in context["prongs"].items()),
            "classes": sorted((slug, c["label"]) for slug, c in context["classes"].items()),
            "families": Family.choices,
            "levels": LEVEL_CHOICES,
            "stages": Stage.choices,
            "values": data,
            "results": None,
        }
        if not errors and code:
            query = EligibilityQuery(data=data, context=context)
            if query.is_valid():
                facts = facts_from(query.validated_data, context)
                page["results"] = check(code, facts)
                page["facts"] = public_facts(facts)
                page["dv_question"] = (jur.dv_fact_definition or {}).get("text") if jur else None
            else:
                errors.update(
                    {k: " ".join(map(str, v)) if isinstance(v, list) else str(v) for k, v in query.errors.items()}
                )
        page["errors"] = errors
        return self.render_to_response(page, status=400 if errors else 200)


def healthz(request):
    """Liveness: answers without touching the database (the floor other latencies are compared with)."""
    return JsonResponse({"status": "ok"})
