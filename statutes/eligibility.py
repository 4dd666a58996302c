"""The eligibility checker: a person's answers → facts → every program of a jurisdiction evaluated."""

from rest_framework import serializers

from statutes import evaluator
from statutes.choices import EligibilityResult, ExcludedCategory, Family, Stage, Tier, Trigger
from statutes.models import DiversionProgram, Jurisdiction, PenaltyClass, Prong

LEVEL_CHOICES = [
    *Tier.choices,
    ("misdemeanor", "A misdemeanor (grade unknown)"),
    ("felony", "A felony (grade unknown)"),
]
LIST_FIELDS = {"enhancements", "categories", "prior_diversion_programs"}

# Query parameter → fact (codebook §7), without the prefix.
FACT_PARAMS = {
    "offense": "charge.offense",
    "prong": "charge.prong",
    "offense_family": "charge.offense_family",
    "penalty_class": "charge.penalty_class",
    "offense_level": "charge.offense_level",
    "is_crime": "charge.is_crime",
    "probationable": "charge.probationable",
    "enhancements": "charge.enhancements",
    "dv_related": "charge.dv_related",
    "victim_minor_or_vulnerable": "charge.victim_minor_or_vulnerable",
    "firearm_used": "charge.firearm_used",
    "categories": "charge.categories",
    "age": "defendant.age",
    "prior_convictions": "history.prior_convictions",
    "prior_felony_convictions": "history.prior_felony_convictions",
    "prior_violent_convictions": "history.prior_violent_convictions",
    "years_since_last_conviction": "history.years_since_last_conviction",
    "prior_diversion": "history.prior_diversion",
    "prior_diversion_programs": "history.prior_diversion_programs",
    "stage": "procedure.stage",
    "trial_commenced": "procedure.trial_commenced",
    "protective_order_in_effect": "procedure.protective_order_in_effect",
    "prosecutor_consents": "procedure.prosecutor_consents",
    "victim_consents": "procedure.victim_consents",
    "defendant_consents": "procedure.defendant_consents",
    "plea_entered": "procedure.plea_entered",
}


def _slug(help_text):
    return serializers.RegexField(
        r"^[a-z0-9][a-z0-9._-]*$", max_length=160, required=False, allow_blank=True, help_text=help_text
    )


def _bool(help_text):
    return serializers.BooleanField(required=False, allow_null=True, default=None, help_text=help_text)


def _count(help_text, maximum=200):
    return serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=maximum, help_text=help_text
    )


class EligibilityQuery(serializers.Serializer):
    """A person's facts. Every fact is optional: what is not given is unknown, never assumed."""

    jurisdiction = serializers.CharField(max_length=2, help_text="USPS code (US for federal law), any case.")
    offense = _slug("The charged offense (slug).")
    prong = _slug("The charged prong (slug).")
    offense_family = serializers.ChoiceField(
        choices=Family.choices,
        required=False,
        allow_blank=True,
        help_text="The offense family, if no offense is chosen.",
    )
    penalty_class = _slug("The grade actually charged, after enhancements (slug).")
    offense_level = serializers.ChoiceField(
        choices=LEVEL_CHOICES,
        required=False,
        allow_blank=True,
        help_text="The charge's tier; 'misdemeanor' or 'felony' when the grade is unknown.",
    )
    is_crime = _bool("Is the charge a crime in this jurisdiction?")
    probationable = _bool("Can the charge be punished with probation?")
    enhancements = serializers.ListField(
        child=serializers.ChoiceField(choices=Trigger.choices),
        required=False,
        max_length=14,
        help_text="Enhancement triggers charged.",
    )
    dv_related = _bool("Is the charge domestic-violence related, as the jurisdiction defines it?")
    victim_minor_or_vulnerable = _bool("Is the victim a minor or a vulnerable adult?")
    firearm_used = _bool("Was a firearm used?")
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=ExcludedCategory.choices),
        required=False,
        max_length=12,
        help_text="Categories the charge falls in.",
    )
    age = _count("The person's age.", 130)
    prior_convictions = _count("Number of prior convictions.")
    prior_felony_convictions = _count("Number of prior felony convictions.")
    prior_violent_convictions = _count("Number of prior violent convictions.")
    years_since_last_conviction = _count("Years since the last conviction.", 130)
    prior_diversion = _bool("Has the person been in a diversion program before?")
    prior_diversion_programs = serializers.ListField(
        child=serializers.RegexField(r"^[a-z0-9][a-z0-9._-]*$", max_length=160),
        required=False,
        max_length=10,
        help_text="Earlier diversion programs (slugs or mechanisms).",
    )
    stage = serializers.ChoiceField(
        choices=Stage.choices, required=False, allow_blank=True, help_text="The stage of the case."
    )
    trial_commenced = _bool("Has trial begun?")
    protective_order_in_effect = _bool("Is a protective order in effect?")
    prosecutor_consents = _bool("Does the prosecutor agree?")
    victim_consents = _bool("Does the victim agree?")
    defendant_consents = _bool("Does the person agree?")
    plea_entered = _bool("Has a guilty plea been entered?")

    def validate_jurisdiction(self, value):
        code = value.upper()
        if not Jurisdiction.objects.filter(code=code).exists():
            raise serializers.ValidationError(f"No jurisdiction {value!r}.")
        return code

    def _member(self, value, key, what):
        if value and value not in self.context[key]:
            raise serializers.ValidationError(f"Not {what} of {(self.initial_data.get('jurisdiction') or '').upper()}.")
        return value

    def validate_offense(self, value):
        return self._member(value, "offenses", "an offense")

    def validate_prong(self, value):
        return self._member(value, "prongs", "a prong")

    def validate_penalty_class(self, value):
        return self._member(value, "classes", "a penalty class")


def jurisdiction_context(code):
    """What validating and deriving facts needs about one jurisdiction, in three queries."""
    code = (code or "").upper()
    classes = {
        p["slug"]: p
        for p in PenaltyClass.objects.filter(jurisdiction__code=code).values("slug", "tier", "is_crime", "label")
    }
    prongs, offenses = {}, {}
    for slug, offense, family, name, citation, pinpoint, pclass in Prong.objects.filter(
        offense__jurisdiction__code=code
    ).values_list(
        "slug",
        "offense__slug",
        "offense__family",
        "offense__name",
        "offense__citation",
        "pinpoint",
        "penalty_class__slug",
    ):
        prongs[slug] = {"offense": offense, "penalty_class": pclass, "label": f"{citation} {pinpoint}"}
        entry = offenses.setdefault(offense, {"family": family, "classes": set(), "label": f"{citation} — {name}"})
        entry["classes"].add(pclass)
    for entry in offenses.values():
        # The offense alone fixes the grade only when all its prongs share one base class.
        entry["penalty_class"] = next(iter(entry["classes"])) if len(entry["classes"]) == 1 else None
    return {"classes": classes, "prongs": prongs, "offenses": offenses}


def facts_from(data, context):
    facts = {FACT_PARAMS[k]: v for k, v in data.items() if k in FACT_PARAMS and v not in (None, "", [])}
    return evaluator.derive_facts(
        facts, penalty_classes=context["classes"], offenses=context["offenses"], prongs=context["prongs"]
    )


def check(code, facts):
    """Every program of the jurisdiction with its evaluation."""
    programs = list(DiversionProgram.objects.filter(jurisdiction__code=code).order_by("routing_group", "slug"))
    results = []
    for program in programs:
        if program.eligibility_rule is None:
            continue
        evaluation = evaluator.evaluate(program.eligibility_rule, facts)
        results.append(
            {"program": program, "evaluation": evaluation, "label": EligibilityResult(evaluation.result).label}
        )
    return results


def public_facts(facts):
    """Derived facts for display and JSON (a OneOf shown as its candidates)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in sorted(facts.items())}


def offense_dispositions(offense, programs, penalty_classes):
    """How each program stands toward a charge of `offense`, from the charge alone (DV status flipped).

    `programs` and `penalty_classes` are the jurisdiction's rows; `offense.prongs` should be prefetched."""
    classes = {p.slug: {"tier": p.tier, "is_crime": p.is_crime} for p in penalty_classes}
    bases = {p.penalty_class.slug for p in offense.prongs.all() if p.penalty_class_id}
    facts = evaluator.derive_facts(
        {"charge.offense": offense.slug},
        penalty_classes=classes,
        offenses={
            offense.slug: {"family": offense.family, "penalty_class": next(iter(bases)) if len(bases) == 1 else None}
        },
    )
    out = []
    for program in programs:
        if program.eligibility_rule is None:
            continue
        code = evaluator.availability(program.eligibility_rule, facts)
        out.append({"program": program, "availability": code, "label": evaluator.AVAILABILITY_LABELS[code]})
    return out
