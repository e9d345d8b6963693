from .accounts import RoleGrant, User
from .audit import AuditEntry
from .base import OrganisationOwned, VersionedModel
from .demo import DemoLoad
from .jobs import Job
from .organisations import Organisation
from .people import AttendanceStatus, CommitteeTerm, PartyStatus, PartyStatusChange, Person, Post, PostHolding
from .recycle import RemovedRecord
from .search import SearchEntry

__all__ = [
    "AttendanceStatus",
    "AuditEntry",
    "CommitteeTerm",
    "DemoLoad",
    "Job",
    "Organisation",
    "PartyStatus",
    "PartyStatusChange",
    "Person",
    "Post",
    "PostHolding",
    "RemovedRecord",
    "RoleGrant",
    "SearchEntry",
    "User",
    "OrganisationOwned",
    "VersionedModel",
]
