"""党费 permissions, least access. A pay base is personal data (what a teacher earns), so:

- dues.view — the branch's dues pages with every member's base, due, payments and arrears, and the
  ledger export: the secretary, and the committee member in charge of dues — a 支委 who holds the
  组织委员 post on the branch committee today (access.in_charge); another 支委 gets a 403.
- dues.edit — enter bases, payments and a month's collection: the same two.
- dues.records — the records behind the dues figures and the arrears finding (who paid how much,
  who owes): the secretary only, because a figure's records page asks the permission on the
  organisation and cannot tell which 支委 is in charge.
- dues.own — 我的党费: a member's own base, dues, payments and arrears, nobody else's.
- dues.bands — enter a new set of bands (a revised national rule): the bureau.
The bureau sees the dues figures (totals, the count of members in arrears), never a base or a
payment: the figures carry records_perm="dues.records".
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "dues.view": ["secretary", "committee"],
        "dues.edit": ["secretary", "committee"],
        "dues.records": ["secretary"],
        "dues.own": ["secretary", "committee", "member"],
        "dues.bands": ["bureau"],
    }
)


def _in_charge(user, obj) -> bool:
    # A row (a payment, a base, a member's page): the in-charge test on its organisation. For an
    # organisation the policy skips object rules; the dues views and services ask access.require.
    from . import access

    return access.in_charge(user, policy.organisation_of(obj))


policy.register_object_rule("dues.view", _in_charge)
policy.register_object_rule("dues.edit", _in_charge)
