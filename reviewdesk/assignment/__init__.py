"""Panel drawing (组建评查组/分案): a min-cost-flow solver over plain arrays, independent of the store.

`solve(Problem) -> Solution` staffs every case with `panel_size` eligible experts from distinct units, keeps loads
even, prefers specialists and the campaign's composition rules, picks a leader and ranked backups, and says why a
case could not be staffed. The service layer (reviewdesk/services/assignment.py) builds the Problem from the
recusal engine's screening.
"""

from reviewdesk.assignment.problem import CaseSpec, CompositionRule, ExpertSpec, Problem, Shortfall, Solution
from reviewdesk.assignment.solver import solve

__all__ = ["CaseSpec", "CompositionRule", "ExpertSpec", "Problem", "Shortfall", "Solution", "solve"]
