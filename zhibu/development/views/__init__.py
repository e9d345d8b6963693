"""Pages of the development ledger: the pipeline by stage, a person's timeline, recording a step,
the rules' versions and the branch's settings."""
