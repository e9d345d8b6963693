from .accounts import RoleGrant, User
from .audit import AuditEntry
from .base import VersionedModel
from .demo import DemoLoad
from .organisations import Organisation
from .people import CommitteeTerm, PartyStatus, PartyStatusChange, Person, Post, PostHolding

__all__ = [
    "AuditEntry",
    "CommitteeTerm",
    "DemoLoad",
    "Organisation",
    "PartyStatus",
    "PartyStatusChange",
    "Person",
    "Post",
    "PostHolding",
    "RoleGrant",
    "User",
    "VersionedModel",
]
