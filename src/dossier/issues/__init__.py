"""Key issues of a story: its sentences grouped by topic, labelled from their own words, sourced.

See :mod:`dossier.issues.build` for the stage, :mod:`dossier.issues.pool` for
the candidate sentences shared with the summary and the coverage stages.
"""

from __future__ import annotations

from dossier.issues.build import find_issues, issues_stage
from dossier.issues.steer import SteeringIssue, load_steering, parse_steering

__all__ = ["SteeringIssue", "find_issues", "issues_stage", "load_steering", "parse_steering"]
