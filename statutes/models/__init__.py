from .decision import CourtDecision
from .diversion import DiversionProgram
from .jurisdiction import Jurisdiction, SourceText
from .offense import Enhancement, Exemption, Offense, Prong
from .penalty import PenaltyClass

__all__ = [
    "CourtDecision",
    "DiversionProgram",
    "Enhancement",
    "Exemption",
    "Jurisdiction",
    "Offense",
    "PenaltyClass",
    "Prong",
    "SourceText",
]
from .version import DataVersion  # noqa: E402

__all__ += ["DataVersion"]
from .search import SearchEntry  # noqa: E402

__all__ += ["SearchEntry"]
