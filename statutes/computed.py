"""Store the computed prong values (codebook §6) after loads and admin edits."""

from statutes import indicators, quotes
from statutes.models import CourtDecision, Prong


def refresh_indicators(prongs=None):
    """Recompute each prong's enforceability and indicators (computed fields: no history is written)."""
    prongs = Prong.objects.select_related("offense") if prongs is None else prongs
    prongs = prongs.prefetch_related("decisions__offense")
    for prong in prongs:
        reaching = []
        for decision in prong.decisions.all():
            same_version = decision.offense_id == prong.offense_id
            survives = bool(decision.affected_language) and quotes.normalize(
                decision.affected_language
            ) in quotes.normalize(prong.offense.text)
            reaching.append({"effects": decision.effects, "carries": same_version or survives})
        for decision in CourtDecision.objects.filter(offense=prong.offense, effects__has="invalidated_whole"):
            reaching.append({"effects": decision.effects, "carries": True})
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
