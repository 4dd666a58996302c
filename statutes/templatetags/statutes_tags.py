"""Rendering coded answers so the four kinds of "no answer" never look like "no"."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from statutes.codebook import NO_ANSWER

register = template.Library()


@register.simple_tag
def answer(value, variable=None):
    """One coded value as HTML: labels from the codebook; distinct marks for uncoded / silent / n.a. / unclear."""
    if isinstance(value, list):
        if not value:
            return mark_safe('<span class="ans ans-empty">none listed</span>')
        return format_html_join(" ", '<span class="ans ans-item">{}</span>', ((_label(v, variable),) for v in value))
    if value in NO_ANSWER or value is None:
        css, label = NO_ANSWER[value]
        return format_html('<span class="ans ans-{}" title="{}">{}</span>', css, label, label)
    if value == "":
        return mark_safe('<span class="ans ans-silent">none in the law</span>')
    if isinstance(value, bool):
        return format_html('<span class="ans ans-{}">{}</span>', "yes" if value else "no", "Yes" if value else "No")
    return format_html('<span class="ans">{}</span>', _label(value, variable))


def _label(value, variable):
    if variable is not None:
        return variable.display(value)
    return value


@register.filter
def quote_text(quote):
    """A quote (string or segments) as plain text, segments joined by " … "."""
    if not quote:
        return ""
    if isinstance(quote, str):
        return quote
    return " … ".join(segment.get("text", "") for segment in quote)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def rule_lines(rule):
    from statutes.rule_text import rule_in_words

    return rule_in_words(rule)


@register.filter
def get_attr(obj, name):
    return getattr(obj, name, None)


@register.filter
def fact_label(fact):
    from statutes.rule_text import FACT_LABELS

    return FACT_LABELS.get(fact, fact).capitalize()
