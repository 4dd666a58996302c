"""The codebook's one documented quote normalization (§2), and the check that a quote occurs in a text."""

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_STAR_PAGE = re.compile(r"\*\d+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_WHITESPACE = re.compile(r"\s+")


def normalize(text):
    """NFKC; curly quotes and dashes to plain; star pagination removed; whitespace collapsed;
    spaces before punctuation removed; an ellipsis "…" treated as "...". Case is kept."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TRANSLATE)
    text = _STAR_PAGE.sub("", text)
    text = _WHITESPACE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text.strip()


def segments(quote):
    """A quote (string or list of segments) as a list of segment texts."""
    if not quote:
        return []
    if isinstance(quote, str):
        return [quote]
    return [s["text"] if isinstance(s, dict) else s for s in quote]


def missing_segments(quote, *texts):
    """The segments of `quote` that occur in none of `texts`, after normalization.

    A segment may contain an ellipsis ("…" or "...") standing for omitted words; each part between
    ellipses must then occur, in order, in the same text.
    """
    haystacks = [normalize(t) for t in texts if t]
    missing = []
    for segment in segments(quote):
        parts = [normalize(p) for p in re.split(r"\s*(?:…|\.\.\.)\s*", segment) if normalize(p)]
        if not any(_occurs_in_order(parts, hay) for hay in haystacks):
            missing.append(segment)
    return missing


def _occurs_in_order(parts, haystack):
    position = 0
    for part in parts:
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
