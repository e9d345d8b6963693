"""评先评优 permissions, least access:

- awards.view (secretary, committee, member, bureau): the campaigns, their kinds, quotas and
  nominees, and — once the window has closed — the tally and the ranked result (the result is
  published for 公示 anyway). The bureau reads its branches' campaigns and runs its own.
- awards.vote (secretary, committee, member): cast a ballot; the service also asks that the voter
  was a member of the branch on the opening day and has not voted yet.
- awards.nominate (secretary, committee, member): nominate oneself or a peer in a branch campaign.
- awards.manage (secretary, committee, bureau): set up a campaign, nominate as the committee (and,
  for the bureau's selection, as the branch), enter criterion scores, publish the result (winners
  become honours); on the bureau's own campaigns, decide the winners.
- The school office checker holds none of it.
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "awards.view": ["secretary", "committee", "member", "bureau"],
        "awards.vote": ["secretary", "committee", "member"],
        "awards.nominate": ["secretary", "committee", "member"],
        "awards.manage": ["secretary", "committee", "bureau"],
    }
)
