"""Atom feeds of recent data changes, overall and per jurisdiction."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from statutes.changes import recent_changes
from statutes.models import Jurisdiction


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "US criminal harassment law: recent data changes"
    subtitle = "Offenses, prongs, penalties, decisions and diversion programs added, changed or removed."

    def get_object(self, request, code=None):
        if code is None:
            return None
        try:
            return Jurisdiction.objects.get(code=code.upper())
        except Jurisdiction.DoesNotExist:
            raise Http404 from None

    def link(self, obj):
        return reverse("statutes:changes") + (f"?jurisdiction={obj.code}" if obj else "")

    def items(self, obj):
        return recent_changes(limit=50, jurisdiction=obj.code if obj else None)

    def item_title(self, item):
        return f"{item['jurisdiction']}: {item['kind']} {item['ident']} {item['action']}"

    def item_description(self, item):
        status = f" (status: {item['status']})" if item["status"] else ""
        return f"The {item['kind']} {item['ident']} of {item['jurisdiction']} was {item['action']}{status}."

    def item_link(self, item):
        return reverse("statutes:jurisdiction", args=[item["jurisdiction"].lower()]) + f"#{item['id']}"

    def item_guid(self, item):
        return item["id"]

    def item_pubdate(self, item):
        return item["date"]

    def item_updateddate(self, item):
        return item["date"]
