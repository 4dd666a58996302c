"""The codebook's enumerations (CODEBOOK.md v1.1), one TextChoices class per enum.

Labels are plain English and double as the one-line definitions shown by the admin, the API schema and
the codebook page. Never repeat a definition elsewhere: read it from here.
"""

from django.db import models

CODEBOOK_VERSION = "1.1"


class JurisdictionKind(models.TextChoices):
    STATE = "state", "State"
    DISTRICT = "district", "District (D.C.)"
    TERRITORY = "territory", "Territory"
    FEDERAL = "federal", "Federal law"


class DvDefinitionModel(models.TextChoices):
    CLOSED_LIST = "closed_list", "Closed list of offenses"
    CLOSED_LIST_PLUS_CATCHALL = "closed_list_plus_catchall", "Closed list of offenses plus a catch-all"
    CLOSED_LIST_PLUS_RELATIONSHIP = (
        "closed_list_plus_relationship",
        "Listed offenses, counted only between people in a listed relationship",
    )
    CONDUCT_CATEGORIES_PLUS_RELATIONSHIP = (
        "conduct_categories_plus_relationship",
        "Categories of conduct (harm, threats, abuse) between people in a listed relationship",
    )
    OPEN_LIST = "open_list", "Open-ended list of offenses"
    ANY_CRIME_PLUS_RELATIONSHIP = (
        "any_crime_plus_relationship",
        "Any crime, when committed against a person in a listed relationship",
    )
    FINDING_BASED = "finding_based", "Whatever a court finds to be domestic violence"
    NONE = "none", "No definition of domestic violence applies"


class SourceKind(models.TextChoices):
    CODIFIED_TEXT = "codified_text", "Codified text (the code as in force)"
    SESSION_LAW = "session_law", "Session law (an enacted act)"
    COURT_RULE_TEXT = "court_rule_text", "Text of a court rule"
    BILL_TEXT = "bill_text", "Bill text (a bill, not law in force)"
    OPINION = "opinion", "Court opinion"
    COMMENTARY = "commentary", "Commentary (summary, blog post, news)"


class SourceTier(models.TextChoices):
    OFFICIAL = "official", "Official (the legislature's, court's or agency's own publication)"
    MIRROR = "mirror", "Mirror (a verbatim full-text copy on another site)"
    SECONDARY = "secondary", "Secondary (paraphrase or summary)"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft: supported only by secondary sources or bill text"
    CODED = "coded", "Coded: from the text of the law, an official page or a verbatim mirror"
    VERIFIED = "verified", "Verified: a second independent reading of the text agreed"
    DISPUTED = "disputed", "Disputed: readings or copies disagree"


STATUS_RANK = {Status.DRAFT: 0, Status.DISPUTED: 0, Status.CODED: 1, Status.VERIFIED: 2}


class Confidence(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Family(models.TextChoices):
    GENERAL_HARASSMENT = "general_harassment", "General harassment"
    AGGRAVATED_HARASSMENT = "aggravated_harassment", "Aggravated harassment"
    COMMUNICATION_HARASSMENT = (
        "communication_harassment",
        "Harassing communications (telephone, mail, electronic)",
    )
    CYBER_HARASSMENT = "cyber_harassment", "Cyber-harassment"
    CYBERBULLYING = "cyberbullying", "Cyberbullying"
    STALKING = "stalking", "Stalking"
    CYBERSTALKING = "cyberstalking", "Cyberstalking"
    THREATS = "threats", "Threats"
    DOXXING = "doxxing", "Doxxing (publishing personal information)"
    OTHER = "other", "Other"


class VenueRule(models.TextChoices):
    SENT_OR_RECEIVED = "sent_or_received", "Where the communication was sent or received"
    RECEIVED_ONLY = "received_only", "Only where it was received"
    SENT_ONLY = "sent_only", "Only where it was sent"
    GENERAL_VENUE_STATUTE = "general_venue_statute", "The general venue statute governs"
    NOT_SPECIFIED = "not_specified", "Not specified by the law"


class DvPredicate(models.TextChoices):
    ENUMERATED = "enumerated", "Listed by name as a domestic-violence offense"
    CATCH_ALL = "catch_all", "Covered only by a catch-all clause"
    CONDUCT_CATEGORY = "conduct_category", "Covered by a category of conduct"
    NONE = "none", "Not a domestic-violence predicate"
    UNCLEAR = "unclear", "Unclear from the text"


class ConductType(models.TextChoices):
    PHYSICAL_CONTACT = "physical_contact", "Physical contact (striking, shoving, kicking, touching)"
    THREAT_OF_CONTACT = "threat_of_contact", "Threatening physical contact"
    FOLLOWING = "following", "Following the person"
    SURVEILLANCE_OR_TRACKING = "surveillance_or_tracking", "Surveillance, monitoring or tracking"
    COURSE_OF_ALARMING_CONDUCT = (
        "course_of_alarming_conduct",
        "A course of alarming or seriously annoying conduct",
    )
    COMMUNICATION_ANY = "communication_any", "Any communication"
    COMMUNICATION_THREAT_INJURY = "communication_threat_injury", "Communicating a threat of bodily injury"
    COMMUNICATION_THREAT_PROPERTY_OR_CRIME = (
        "communication_threat_property_or_crime",
        "Communicating a threat to property or of another crime",
    )
    COMMUNICATION_OBSCENE = "communication_obscene", "Obscene or lewd communication"
    COMMUNICATION_COARSE = "communication_coarse", "Offensively coarse language"
    COMMUNICATION_ANONYMOUS = "communication_anonymous", "Anonymous communication"
    COMMUNICATION_INCONVENIENT_HOURS = (
        "communication_inconvenient_hours",
        "Communication at extremely inconvenient hours",
    )
    COMMUNICATION_REPEATED = "communication_repeated", "Repeated communications"
    COMMUNICATION_AFTER_REQUEST_TO_STOP = (
        "communication_after_request_to_stop",
        "Communication after being asked to stop",
    )
    PHONE_RINGING_OR_NO_HANGUP = (
        "phone_ringing_or_no_hangup",
        "Making a phone ring repeatedly, or calling and not hanging up",
    )
    PERMIT_DEVICE_USE = "permit_device_use", "Letting another person use one's phone or device to harass"
    FALSE_REPORT = "false_report", "A false report (of death, injury or a crime)"
    INSULTS_TAUNTS_CHALLENGES = (
        "insults_taunts_challenges",
        "Insults, taunts or challenges likely to provoke a violent response",
    )
    PUBLICATION_ABOUT_VICTIM = "publication_about_victim", "Publishing material about the person"
    PERSONAL_INFO_TO_INCITE = (
        "personal_info_to_incite",
        "Spreading personal information to incite others to harass",
    )
    IMPERSONATION = "impersonation", "Impersonating someone"
    OTHER = "other", "Other conduct (see the note)"


class CommunicationMedium(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    TELEPHONE = "telephone", "Telephone"
    MAIL_OR_WRITING = "mail_or_writing", "Mail or writing"
    ELECTRONIC_DIRECT = "electronic_direct", "Electronic message sent to the person"
    ELECTRONIC_PUBLIC_POST = "electronic_public_post", "Electronic public post"
    ANY_MEANS = "any_means", "Any means"
    NOT_APPLICABLE = "not_applicable", "Not applicable (no communication)"


class CommunicationDirection(models.TextChoices):
    TO_VICTIM = "to_victim", "To the person"
    TO_OR_ABOUT_VICTIM = "to_or_about_victim", "To or about the person"
    ABOUT_VICTIM_TO_OTHERS = "about_victim_to_others", "About the person, to others"
    NOT_SPECIFIED = "not_specified", "Not specified by the law"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class MensReaLevel(models.TextChoices):
    PURPOSE_INTENT = "purpose_intent", "Purpose or intent"
    KNOWLEDGE = "knowledge", "Knowledge"
    RECKLESSNESS = "recklessness", "Recklessness"
    NEGLIGENCE = "negligence", "Negligence"
    WILLFUL_MALICIOUS = "willful_malicious", "Willfully or maliciously (non-Model-Penal-Code wording)"
    NONE_STATED = "none_stated", "No mental state stated"


class IntentObject(models.TextChoices):
    HARASS = "harass", "harass"
    ANNOY = "annoy", "annoy"
    SERIOUSLY_ANNOY = "seriously_annoy", "seriously annoy"
    ALARM = "alarm", "alarm"
    ABUSE = "abuse", "abuse"
    TORMENT = "torment", "torment"
    EMBARRASS = "embarrass", "embarrass"
    OFFEND = "offend", "offend"
    THREATEN = "threaten", "threaten"
    INTIMIDATE = "intimidate", "intimidate"
    TERRIFY = "terrify", "terrify"
    TERRORIZE = "terrorize", "terrorize"
    COERCE = "coerce", "coerce"
    HUMILIATE = "humiliate", "humiliate"
    EMOTIONAL_DISTRESS = "emotional_distress", "cause emotional distress"
    EMOTIONAL_HARM = "emotional_harm", "cause emotional harm"
    PLACE_IN_FEAR = "place_in_fear", "place in fear"
    KILL_OR_INJURE = "kill_or_injure", "kill or injure"
    OTHER = "other", "other (see the note)"
    NONE = "none", "none (no intended result is required)"


class ThreatElement(models.TextChoices):
    REQUIRED = "required", "Required: the words must be a threat"
    FUNCTIONAL_EQUIVALENT = (
        "functional_equivalent",
        "Functional equivalent: words a reasonable recipient would take as intent to injure",
    )
    NONE = "none", "None: no threat is required"


class ThreatMensRea(models.TextChoices):
    PURPOSE = "purpose", "Purpose"
    KNOWLEDGE = "knowledge", "Knowledge"
    RECKLESSNESS = "recklessness", "Recklessness"
    NEGLIGENCE_OR_OBJECTIVE = "negligence_or_objective", "Negligence, or an objective test only"
    NOT_SPECIFIED = "not_specified", "Not specified by the law"
    NOT_APPLICABLE = "not_applicable", "Not applicable (no threat element)"


class EffectStandard(models.TextChoices):
    NONE_REQUIRED = "none_required", "No effect on the person is required"
    OBJECTIVE_LIKELY = "objective_likely", "Conduct reasonably likely to have the effect"
    OBJECTIVE_REASONABLE_PERSON = (
        "objective_reasonable_person",
        "Would have the effect on a reasonable person",
    )
    SUBJECTIVE_ACTUAL = "subjective_actual", "The person actually suffered the effect"
    OBJECTIVE_AND_SUBJECTIVE = (
        "objective_and_subjective",
        "Both: a reasonable person would, and the person actually did",
    )
    REASONABLE_FEAR = "reasonable_fear", "The person reasonably feared harm"


class EffectType(models.TextChoices):
    ANNOYANCE = "annoyance", "Annoyance"
    ALARM = "alarm", "Alarm"
    SERIOUS_ALARM_OR_ANNOYANCE = "serious_alarm_or_annoyance", "Serious alarm or annoyance"
    EMOTIONAL_DISTRESS = "emotional_distress", "Emotional distress"
    SUBSTANTIAL_EMOTIONAL_DISTRESS = "substantial_emotional_distress", "Substantial emotional distress"
    EMOTIONAL_HARM = "emotional_harm", "Emotional harm"
    FEAR_BODILY_INJURY = "fear_bodily_injury", "Fear of bodily injury"
    FEAR_FOR_SAFETY = "fear_for_safety", "Fear for safety"
    FEAR_PROPERTY_DAMAGE = "fear_property_damage", "Fear of property damage"
    PRIVACY_INVASION = "privacy_invasion", "Invasion of privacy"
    VIOLENT_RESPONSE_LIKELY = "violent_response_likely", "A violent response is likely"
    NONE = "none", "None"


class Repetition(models.TextChoices):
    SINGLE_ACT_SUFFICIENT = "single_act_sufficient", "A single act is enough"
    REPEATED_REQUIRED = "repeated_required", "Repeated acts are required"
    COURSE_OF_CONDUCT_REQUIRED = "course_of_conduct_required", "A course of conduct is required"
    COURSE_OR_REPEATED_REQUIRED = (
        "course_or_repeated_required",
        "A course of conduct or repeated acts are required",
    )


class MinOccasionsBasis(models.TextChoices):
    DEFINITION = "definition", "A definition that applies to this offense"
    OFFENSE_TEXT = "offense_text", "The offense's own text"
    DECISION = "decision", "A court decision"


class NoLegitimatePurpose(models.TextChoices):
    ELEMENT = "element", "An element: the prosecution must prove no legitimate purpose"
    DEFINITIONAL = "definitional", "Part of a definition the offense uses"
    AFFIRMATIVE_DEFENSE = "affirmative_defense", "An affirmative defense"
    ABSENT = "absent", "Absent"


class NonconsentElement(models.TextChoices):
    EXPLICIT_ELEMENT = "explicit_element", "An explicit element"
    DEFINITIONAL = "definitional", "Part of a definition the offense uses"
    ABSENT = "absent", "Absent"


class IsFelony(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NO_FELONY_CATEGORY = "no_felony_category", "The jurisdiction has no felony category"


class Tier(models.TextChoices):
    NON_CRIMINAL = "non_criminal", "Not a crime"
    PETTY = "petty", "Petty (up to 30 days)"
    MISDEMEANOR_LOW = "misdemeanor_low", "Lower misdemeanor (31–180 days)"
    MISDEMEANOR_HIGH = "misdemeanor_high", "Higher misdemeanor (181–365 days)"
    OVER_ONE_YEAR = "over_one_year", "Over one year"


class Trigger(models.TextChoices):
    PRIOR_CONVICTION_SAME_OFFENSE = "prior_conviction_same_offense", "A prior conviction of the same offense"
    PRIOR_CONVICTION_RELATED = "prior_conviction_related", "A prior conviction of a related offense"
    PRIOR_AGAINST_SAME_VICTIM = "prior_against_same_victim", "A prior offense against the same person"
    PROTECTIVE_ORDER_IN_EFFECT = "protective_order_in_effect", "A protective order was in effect"
    ON_SUPERVISION_OR_RELEASE = "on_supervision_or_release", "On probation, parole or pretrial release"
    INCARCERATED = "incarcerated", "Serving a term of imprisonment"
    VICTIM_MINOR = "victim_minor", "The person targeted is a minor"
    VICTIM_ELDERLY_OR_DISABLED = "victim_elderly_or_disabled", "The person targeted is elderly or disabled"
    ACTOR_AGE_MIN = "actor_age_min", "The actor is at least a given age"
    IMPERSONATION = "impersonation", "Impersonation"
    BIAS_MOTIVATION = "bias_motivation", "Bias motivation"
    THREAT_TO_KILL = "threat_to_kill", "A threat to kill"
    WEAPON = "weapon", "A weapon"
    OTHER = "other", "Other (see the note)"


class ExemptionKind(models.TextChoices):
    CONSTITUTIONALLY_PROTECTED_ACTIVITY = (
        "constitutionally_protected_activity",
        "Constitutionally protected activity",
    )
    LABOR_ACTIVITY = "labor_activity", "Labor activity"
    LAWFUL_DEMONSTRATION = "lawful_demonstration", "Lawful demonstration or picketing"
    MATTER_OF_PUBLIC_CONCERN = "matter_of_public_concern", "Speech on a matter of public concern"
    LEGITIMATE_BUSINESS = "legitimate_business", "Legitimate business"
    OFFICIAL_DUTY = "official_duty", "Official duty (police, officials)"
    FIRST_AMENDMENT_CONSTRUCTION_CLAUSE = (
        "first_amendment_construction_clause",
        "A clause saying the law must not be read to reach protected speech",
    )
    OTHER = "other", "Other (see the note)"


class ExemptionScope(models.TextChoices):
    WHOLE_OFFENSE = "whole_offense", "The whole offense"
    LISTED_PRONGS = "listed_prongs", "Only the listed prongs"
    DEFINITION = "definition", "A definition the offense uses"
    WHOLE_ACT = "whole_act", "The whole act"


class ExemptionForm(models.TextChoices):
    ELEMENT_EXCLUSION = "element_exclusion", "Excluded from the offense's elements"
    AFFIRMATIVE_DEFENSE = "affirmative_defense", "An affirmative defense"
    RULE_OF_CONSTRUCTION = "rule_of_construction", "A rule of construction"
    NOT_SPECIFIED = "not_specified", "Not specified"


class BindingScope(models.TextChoices):
    US_SUPREME_COURT = "us_supreme_court", "U.S. Supreme Court"
    STATE_HIGHEST_COURT = "state_highest_court", "The state's (or territory's) highest court"
    INTERMEDIATE_APPELLATE = "intermediate_appellate", "Intermediate appellate court"
    FEDERAL_CIRCUIT = "federal_circuit", "Federal court of appeals"
    FEDERAL_DISTRICT = "federal_district", "Federal district court"
    TRIAL_COURT = "trial_court", "Trial court"


class DecisionEffect(models.TextChoices):
    INVALIDATED_WHOLE = "invalidated_whole", "Struck down the whole offense"
    INVALIDATED_PRONG = "invalidated_prong", "Struck down a prong"
    SEVERED_LANGUAGE = "severed_language", "Severed some language"
    NARROWING_CONSTRUCTION = "narrowing_construction", "Narrowed the offense by construction"
    AS_APPLIED_REVERSAL = "as_applied_reversal", "Reversed a conviction as applied"
    INTERPRETATION = "interpretation", "Interpreted an element"
    UPHELD = "upheld", "Upheld the offense"
    CHALLENGE_REJECTED = "challenge_rejected", "Rejected a challenge"
    DOCTRINE = "doctrine", "Set a rule for all jurisdictions"


class Enforceability(models.TextChoices):
    ENFORCEABLE = "enforceable", "Enforceable"
    NARROWED = "narrowed", "Narrowed by a court"
    UNENFORCEABLE = "unenforceable", "Struck down by a court"
    CONTESTED = "contested", "Contested"


class Mechanism(models.TextChoices):
    PRETRIAL_INTERVENTION = (
        "pretrial_intervention",
        "Pretrial intervention: a statutory program the defendant applies to before plea",
    )
    COURT_RULE_PROGRAM = "court_rule_program", "Court-rule program: pretrial intervention created by court rule"
    COURT_INITIATED_DIVERSION = (
        "court_initiated_diversion",
        "Court-initiated diversion: the judge may divert over the prosecutor's objection",
    )
    ADJOURNMENT_IN_CONTEMPLATION_OF_DISMISSAL = (
        "adjournment_in_contemplation_of_dismissal",
        "Adjournment in contemplation of dismissal: adjourned, then dismissed if no new trouble",
    )
    DEFERRED_PROSECUTION = (
        "deferred_prosecution",
        "Deferred prosecution: prosecution suspended by agreement, with no plea",
    )
    DEFERRED_ADJUDICATION = (
        "deferred_adjudication",
        "Deferred adjudication: a plea is taken or held without judgment, dismissed on completion",
    )
    CONDITIONAL_DISMISSAL_AFTER_PLEA = (
        "conditional_dismissal_after_plea",
        "Conditional dismissal after plea: judgment withheld after a plea or finding, then dismissed",
    )
    CONTINUANCE_WITHOUT_FINDING = "continuance_without_finding", "Continuance without a finding"
    OFFENSE_SPECIFIC_DEFERRAL = (
        "offense_specific_deferral",
        "Offense-specific deferral: limited to listed offenses",
    )
    PROSECUTOR_PROGRAM = "prosecutor_program", "Prosecutor program: by prosecutor policy, without a statute"
    CONDITIONAL_DISCHARGE_SENTENCE = (
        "conditional_discharge_sentence",
        "Conditional discharge: a sentence after conviction",
    )


class LegalBasis(models.TextChoices):
    STATUTE = "statute", "Statute"
    COURT_RULE = "court_rule", "Court rule"
    STATUTE_AND_COURT_RULE = "statute_and_court_rule", "Statute and court rule"
    CASE_LAW = "case_law", "Case law"
    PROSECUTOR_POLICY = "prosecutor_policy", "Prosecutor policy"


class Availability(models.TextChoices):
    STATEWIDE = "statewide", "Statewide"
    STATEWIDE_FRAMEWORK_LOCAL_OPTION = (
        "statewide_framework_local_option",
        "Statewide framework, local option",
    )
    LOCAL_ONLY = "local_only", "Local only"


class Actor(models.TextChoices):
    PROSECUTOR = "prosecutor", "Prosecutor"
    JUDGE = "judge", "Judge"
    PROGRAM_ADMINISTRATOR = "program_administrator", "Program administrator"
    VICTIM = "victim", "Victim"
    DEFENDANT = "defendant", "Defendant"


class ProsecutorRole(models.TextChoices):
    MUST_CONSENT = "must_consent", "Must consent"
    INITIATES = "initiates", "Initiates"
    MAY_OBJECT_JUDGE_DECIDES = "may_object_judge_decides", "May object; the judge decides"
    RECOMMENDS_ONLY = "recommends_only", "Recommends only"
    SOLE_DISCRETION = "sole_discretion", "Sole discretion"
    NONE = "none", "No role stated"


class VictimRole(models.TextChoices):
    CONSENT_REQUIRED = "consent_required", "The victim must consent"
    MUST_BE_CONSULTED = "must_be_consulted", "The victim must be consulted"
    HEARD = "heard", "The victim may be heard"
    FACTOR = "factor", "The victim's view is a factor"
    NONE_STATED = "none_stated", "No role stated"


class Stage(models.TextChoices):
    PRE_CHARGE = "pre_charge", "Before charge"
    PRE_PLEA = "pre_plea", "Before plea"
    AFTER_PLEA = "after_plea", "After plea"
    AFTER_FINDING = "after_finding", "After a finding of guilt"
    BEFORE_TRIAL = "before_trial", "Before trial"


class PleaRequirement(models.TextChoices):
    NONE = "none", "No plea"
    PLEA = "plea", "A guilty (or no-contest) plea"
    PLEA_OR_FINDING = "plea_or_finding", "A plea or a finding of guilt"
    CONDITIONAL = "conditional", "Depends (see the rule)"


class ExcludedCategory(models.TextChoices):
    DOMESTIC_VIOLENCE = "domestic_violence", "Domestic violence"
    STALKING = "stalking", "Stalking"
    SEX_OFFENSE = "sex_offense", "Sex offense"
    VIOLENT_OFFENSE = "violent_offense", "Violent offense"
    VULNERABLE_VICTIM = "vulnerable_victim", "Vulnerable victim"
    DUI = "dui", "Driving under the influence"
    FIREARM = "firearm", "Firearm"
    MANDATORY_MINIMUM = "mandatory_minimum", "Mandatory minimum sentence"
    ORGANIZED_CRIME = "organized_crime", "Organized crime"
    PUBLIC_TRUST = "public_trust", "Breach of public trust"
    DRUG_DISTRIBUTION = "drug_distribution", "Drug distribution"
    OTHER = "other", "Other (see the rule)"


class Condition(models.TextChoices):
    SUPERVISION = "supervision", "Supervision"
    COUNSELING = "counseling", "Counseling"
    ANGER_MANAGEMENT = "anger_management", "Anger management"
    BATTERER_PROGRAM = "batterer_program", "Batterer intervention program"
    SUBSTANCE_TREATMENT = "substance_treatment", "Substance treatment"
    COMMUNITY_SERVICE = "community_service", "Community service"
    RESTITUTION = "restitution", "Restitution"
    NO_CONTACT = "no_contact", "No contact with the victim"
    EDUCATION = "education", "Education"
    TESTING = "testing", "Testing"
    NO_NEW_OFFENSE = "no_new_offense", "No new offense"
    FEES = "fees", "Fees"
    COURT_DISCRETION = "court_discretion", "Other conditions at the court's discretion"


class CompletionOutcome(models.TextChoices):
    DISMISSAL = "dismissal", "Dismissal"
    DISMISSAL_WITH_PREJUDICE = "dismissal_with_prejudice", "Dismissal with prejudice"
    PLEA_WITHDRAWN_AND_DISMISSED = "plea_withdrawn_and_dismissed", "Plea withdrawn and charge dismissed"
    REDUCTION = "reduction", "Reduction of the charge"
    DISCRETIONARY_DISMISSAL = "discretionary_dismissal", "Dismissal at the court's discretion"


class RecordRelief(models.TextChoices):
    AUTOMATIC_SEALING = "automatic_sealing", "Automatic sealing"
    PETITION_SEALING = "petition_sealing", "Sealing on petition"
    PETITION_EXPUNGEMENT = "petition_expungement", "Expungement on petition"
    NONE = "none", "None"
    NOT_SPECIFIED = "not_specified", "Not specified"


class ReuseLimit(models.TextChoices):
    ONCE_LIFETIME = "once_lifetime", "Once in a lifetime"
    ONCE_WITHIN_LOOKBACK = "once_within_lookback", "Once within a look-back period"
    PRIOR_DIVERSION_BARS = "prior_diversion_bars", "Any prior diversion bars it"
    DISCRETIONARY = "discretionary", "At discretion"
    NOT_SPECIFIED = "not_specified", "Not specified"


class EligibilityResult(models.TextChoices):
    NOT_IN_SCOPE = "not_in_scope", "Not in scope: the program does not cover this charge"
    INELIGIBLE = "ineligible", "Ineligible: a bar applies and no one can waive it"
    BARRED_UNLESS_OVERRIDE = "barred_unless_override", "Barred unless someone with the power waives the bar"
    ELIGIBLE_SUBJECT_TO_DISCRETION = (
        "eligible_subject_to_discretion",
        "Eligible, subject to someone's discretion",
    )
    ELIGIBLE = "eligible", "Eligible, with nothing left to anyone's discretion"
    UNKNOWN = "unknown", "Unknown: facts are missing or the rule cannot check everything"
