from .accounts import RoleGrant, User
from .audit import AuditEntry
from .base import OrganisationOwned, VersionedModel
from .demo import DemoLoad
from .jobs import Job
from .organisations import Organisation
from .people import AttendanceStatus, CommitteeTerm, PartyStatus, PartyStatusChange, Person, Post, PostHolding
from .recycle import RemovedRecord
from .search import SearchEntry
from .stamps import DataStamp

__all__ = [
    "AttendanceStatus",
    "AuditEntry",
    "CommitteeTerm",
    "DataStamp",
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
