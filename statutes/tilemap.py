"""A tile-grid map of the 57 jurisdictions (one equal square each), drawn as SVG on the server."""

from collections import Counter

# (column, row) of each tile: the common US tile grid, with territories and federal law below.
TILES = {
    "AK": (0, 0), "ME": (11, 0), "US": (5, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2), "WI": (7, 2), "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3), "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4), "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5), "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7),
    "GU": (0, 9), "MP": (1, 9), "AS": (2, 9), "PR": (9, 9), "VI": (10, 9),
}  # fmt: skip
TILE = 46
GAP = 4
# A qualitative palette that stays readable for common colour-vision deficiencies (Okabe–Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"]
UNCODED_COLOR = "#ffffff"
MIXED_COLOR = "#bbbbbb"


def build(values, labels, link):
    """The map's tiles and legend.

    `values`: {code: value} where value is a stored value, None (not yet coded) or "mixed";
    `labels`: {value: label}; `link`: code → URL.
    """
    counts = Counter(values.get(code) for code in TILES)
    ordered = [v for v in labels if counts.get(v)] + [v for v in counts if v not in labels and v not in (None, "mixed")]
    colors = {value: PALETTE[i % len(PALETTE)] for i, value in enumerate(ordered)}
    colors["mixed"] = MIXED_COLOR
    colors[None] = UNCODED_COLOR
    tiles = []
    for code, (col, row) in TILES.items():
        value = values.get(code)
        fill = colors[value]
        tiles.append(
            {
                "code": code,
                "x": col * (TILE + GAP),
                "y": row * (TILE + GAP),
                "fill": fill,
                "text_fill": "#ffffff"
                if fill in ("#0072B2", "#000000", "#D55E00", "#009E73", "#CC79A7")
                else "#111111",
                "label": labels.get(
                    value, "Not yet coded" if value is None else ("Mixed" if value == "mixed" else str(value))
                ),
                "url": link(code),
            }
        )
    legend = [{"value": v, "label": labels.get(v, str(v)), "color": colors[v], "count": counts[v]} for v in ordered]
    if counts.get("mixed"):
        legend.append(
            {"value": "mixed", "label": "Mixed (prongs differ)", "color": MIXED_COLOR, "count": counts["mixed"]}
        )
    legend.append({"value": None, "label": "Not yet coded", "color": UNCODED_COLOR, "count": counts.get(None, 0)})
    width = 12 * (TILE + GAP)
    height = 10 * (TILE + GAP)
    return {"tiles": tiles, "legend": legend, "width": width, "height": height, "tile": TILE}
