"""Store the computed prong values (codebook §6) after loads and admin edits."""

from collections import defaultdict

from statutes import indicators, quotes
from statutes.models import CourtDecision, Offense, Prong


def _occurs(language, text):
    return bool(language) and quotes.normalize(language).lower() in quotes.normalize(text).lower()


def refresh_indicators(prongs=None):
    """Recompute each prong's enforceability and indicators (computed fields: no history is written).

    A decision reaches a prong when it names the prong (same pinpoint) or struck the whole offense, on this
    version or on another version of the same section; on another version it carries only if its affected
    language still occurs in this version's text, and otherwise makes the prong contested (codebook §6)."""
    prongs = list((Prong.objects.all() if prongs is None else prongs).select_related("offense"))
    if not prongs:
        return
    sections = {(p.offense.jurisdiction_id, p.offense.citation) for p in prongs}
    versions = defaultdict(list)
    for pk, jurisdiction_id, citation in Offense.objects.filter(
        jurisdiction_id__in={j for j, _ in sections}, citation__in={c for _, c in sections}
    ).values_list("pk", "jurisdiction_id", "citation"):
        versions[(jurisdiction_id, citation)].append(pk)
    decisions = defaultdict(list)
    for decision in CourtDecision.objects.filter(
        offense_id__in={pk for ids in versions.values() for pk in ids}
    ).prefetch_related("prongs"):
        decisions[decision.offense_id].append(decision)
    for prong in prongs:
        reaching = []
        for version_id in versions[(prong.offense.jurisdiction_id, prong.offense.citation)]:
            for decision in decisions[version_id]:
                effects = decision.effects or []
                named = {target.pinpoint for target in decision.prongs.all()}
                if prong.pinpoint not in named and "invalidated_whole" not in effects:
                    continue
                carries = version_id == prong.offense_id or _occurs(decision.affected_language, prong.offense.text)
                reaching.append({"effects": effects, "carries": carries})
        values = {
            "enforceability": indicators.enforceability(reaching),
            "flag_annoyance_speech": indicators.flag_annoyance_speech(
                pure_speech=prong.pure_speech,
                threat_element=prong.threat_element,
                intent_objects=prong.intent_objects,
                effect_standard=prong.effect_standard,
            ),
            "flag_threat_below_recklessness": indicators.flag_threat_below_recklessness(
                threat_element=prong.threat_element,
                threat_mens_rea=prong.threat_mens_rea,
                mens_rea_inference=prong.mens_rea_inference,
            ),
            "flag_speech_about_victim": indicators.flag_speech_about_victim(
                pure_speech=prong.pure_speech, communication_direction=prong.communication_direction
            ),
        }
        if any(getattr(prong, k) != v for k, v in values.items()):
            Prong.objects.filter(pk=prong.pk).update(**values)


def affected_prongs(obj):
    """The prongs whose computed values may change when `obj` is edited."""
    if isinstance(obj, Prong):
        return Prong.objects.filter(pk=obj.pk).select_related("offense")
    if isinstance(obj, CourtDecision):
        ids = set(obj.prongs.values_list("pk", flat=True))
        if obj.offense_id:
            ids |= set(Prong.objects.filter(offense_id=obj.offense_id).values_list("pk", flat=True))
        return Prong.objects.filter(pk__in=ids).select_related("offense")
    if hasattr(obj, "prongs"):
        return obj.prongs.select_related("offense")
    return Prong.objects.none()
