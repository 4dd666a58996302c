"""Computed values of codebook §5–§6: penalty tier, prong enforceability and the three indicators.

Pure functions over coded values; no ORM, no HTTP. The pages label every result
"indicator, not a legal conclusion".
"""

from statutes.choices import Enforceability, Tier

ANNOYANCE_OBJECTS = {"annoy", "seriously_annoy", "alarm", "embarrass", "offend", "torment", "harass"}
LOW_EFFECT_STANDARDS = {"none_required", "objective_likely"}
ABOUT_VICTIM = {"to_or_about_victim", "about_victim_to_others"}
# Words by which a statutory inference lets purpose be found from what the actor should have known.
NEGLIGENCE_INFERENCE_MARKERS = ("should have known", "reasonably should know", "should know")

STRUCK = {"invalidated_whole", "invalidated_prong"}
NARROWING = {"severed_language", "narrowing_construction", "as_applied_reversal"}


def tier(max_jail_days, is_crime):
    """The tier of a penalty class, from its maximum jail term and whether it is a crime."""
    if is_crime is False:
        return Tier.NON_CRIMINAL
    if max_jail_days is None:
        return None
    if max_jail_days <= 30:
        return Tier.PETTY
    if max_jail_days <= 180:
        return Tier.MISDEMEANOR_LOW
    if max_jail_days <= 365:
        return Tier.MISDEMEANOR_HIGH
    return Tier.OVER_ONE_YEAR


def enforceability(reaching):
    """Enforceability of a prong from the decisions that reach it.

    `reaching` is a list of dicts: {"effects": [...], "carries": bool}. `carries` is True when the
    decision construed this version, or construed an earlier one whose affected language still occurs
    in this version's text (codebook §6); False makes the prong `contested`.
    """
    result = Enforceability.ENFORCEABLE
    rank = {
        Enforceability.ENFORCEABLE: 0,
        Enforceability.CONTESTED: 1,
        Enforceability.NARROWED: 2,
        Enforceability.UNENFORCEABLE: 3,
    }
    for decision in reaching:
        effects = set(decision["effects"] or [])
        if not decision["carries"]:
            if effects & (STRUCK | NARROWING):
                candidate = Enforceability.CONTESTED
            else:
                continue
        elif effects & STRUCK:
            candidate = Enforceability.UNENFORCEABLE
        elif effects & NARROWING:
            candidate = Enforceability.NARROWED
        else:
            continue
        if rank[candidate] > rank[result]:
            result = candidate
    return result


def flag_annoyance_speech(*, pure_speech, threat_element, intent_objects, effect_standard):
    """The Golb / Dietze pattern: words alone, no threat, intent to annoy and no real effect required."""
    if None in (pure_speech, threat_element, intent_objects, effect_standard):
        return None
    return bool(
        pure_speech
        and threat_element == "none"
        and intent_objects
        and set(intent_objects) <= ANNOYANCE_OBJECTS
        and effect_standard in LOW_EFFECT_STANDARDS
    )


def inference_is_negligence(mens_rea_inference):
    text = (mens_rea_inference or "").lower()
    return any(marker in text for marker in NEGLIGENCE_INFERENCE_MARKERS)


def flag_threat_below_recklessness(*, threat_element, threat_mens_rea, mens_rea_inference):
    """The Counterman pattern: a threat element provable with less than recklessness."""
    if threat_element is None:
        return None
    if threat_element == "none":
        return False
    if threat_mens_rea is None and not inference_is_negligence(mens_rea_inference):
        return None
    return threat_mens_rea == "negligence_or_objective" or inference_is_negligence(mens_rea_inference)


def flag_speech_about_victim(*, pure_speech, communication_direction):
    """The Relerford / Shackelford pattern: pure speech that may be about the person, not to them."""
    if pure_speech is None or communication_direction is None:
        return None
    return bool(pure_speech and communication_direction in ABOUT_VICTIM)
