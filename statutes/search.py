"""Full-text search: SQLite FTS5 or PostgreSQL full-text search over SearchEntry, with safe highlighting."""

from django.db import connection, transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from statutes.models import CourtDecision, DiversionProgram, Offense, SearchEntry

START, STOP = "\x02", "\x03"
MAX_RESULTS = 50
CANDIDATES = 1000


def rebuild_index():
    """Rebuild the index from the data (a few hundred rows: cheap, and always consistent)."""

    def entry(kind, row, code, title, body):
        url = reverse("statutes:jurisdiction", args=[code.lower()]) + f"#{kind}-{row.slug}"
        return SearchEntry(kind=kind, jurisdiction=code, title=title, citation=row.citation, url=url, body=body)

    entries = [
        entry("offense", o, o.jurisdiction.code, o.name, o.text) for o in Offense.objects.select_related("jurisdiction")
    ]
    entries += [
        entry(
            "decision",
            d,
            d.jurisdiction.code,
            d.case_name,
            " ".join(filter(None, [d.summary, d.affected_language, d.quote_display])),
        )
        for d in CourtDecision.objects.select_related("jurisdiction")
    ]
    entries += [
        entry(
            "program",
            p,
            p.jurisdiction.code,
            p.name,
            " ".join(filter(None, [p.duration_rule, p.fee_rule, p.routing_note, p.quote_display])),
        )
        for p in DiversionProgram.objects.select_related("jurisdiction")
    ]
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchEntry.objects.bulk_create(entries)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO statutes_search_fts(statutes_search_fts) VALUES('rebuild')")
        elif connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchVector

            SearchEntry.objects.update(
                search_vector=SearchVector("title", weight="A", config="english")
                + SearchVector("citation", weight="A", config="english")
                + SearchVector("body", weight="B", config="english")
            )


def _fts5_query(text):
    """Each word as a quoted FTS5 term (prefix match on the last), so user input is never FTS syntax."""
    words = [w.replace('"', "") for w in text.split() if w.replace('"', "")][:12]
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    terms[-1] += "*"
    return " ".join(terms)


def highlight(text):
    """Escape a snippet, then turn the search's markers into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def search(text, jurisdiction=None):
    """Matches for `text`: [{kind, jurisdiction, title, citation, url, snippet}], best first."""
    text = (text or "").strip()
    if not text:
        return []
    if connection.vendor == "sqlite":
        query = _fts5_query(text)
        if not query:
            return []
        sql = (
            "SELECT e.kind, e.jurisdiction, e.title, e.citation, e.url, "
            f"snippet(statutes_search_fts, 2, '{START}', '{STOP}', '…', 32), "
            f"highlight(statutes_search_fts, 0, '{START}', '{STOP}') "
            "FROM statutes_search_fts JOIN statutes_searchentry e ON e.id = statutes_search_fts.rowid "
            "WHERE statutes_search_fts MATCH %s"
            + (" AND e.jurisdiction = %s" if jurisdiction else "")
            + " ORDER BY rank LIMIT %s"
        )
        params = [query, *([jurisdiction] if jurisdiction else []), MAX_RESULTS]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    else:
        from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

        query = SearchQuery(text, search_type="websearch", config="english")
        # The stored, GIN-indexed vector selects and ranks; headlines (costly) run on the best 50 only.
        matches = SearchEntry.objects.filter(search_vector=query)
        if jurisdiction:
            matches = matches.filter(jurisdiction=jurisdiction)
        # Ranking reads each match's whole vector, so it is bounded: the first CANDIDATES matches are ranked.
        candidates = SearchEntry.objects.filter(pk__in=list(matches.values_list("pk", flat=True)[:CANDIDATES]))
        best = list(
            candidates.annotate(rank=SearchRank("search_vector", query))
            .order_by("-rank", "pk")
            .values_list("pk", flat=True)[:MAX_RESULTS]
        )
        order = {pk: index for index, pk in enumerate(best)}
        qs = SearchEntry.objects.filter(pk__in=best).annotate(
            snip=SearchHeadline(
                "body",
                query,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=40,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
            head=SearchHeadline("title", query, config="english", start_sel=START, stop_sel=STOP, highlight_all=True),
        )
        rows = sorted(
            qs.values_list("pk", "kind", "jurisdiction", "title", "citation", "url", "snip", "head"),
            key=lambda row: order[row[0]],
        )
        rows = [row[1:] for row in rows]

    return [
        {
            "kind": k,
            "jurisdiction": j,
            "title": t,
            "citation": c,
            "url": u,
            "snippet": highlight(s or ""),
            "title_html": highlight(h or t),
        }
        for k, j, t, c, u, s, h in rows
    ]
