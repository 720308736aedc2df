"""After the review (用): the follow-up registers and their rules, without the store or roles.

`workdays` counts statutory working days; `settings` holds each campaign's follow-up settings; one module per
register (`rectification`, `referrals`, `objections`, `special`) states its statuses and steps; `generate`
plans the items a conclusion gives. The services in reviewdesk/services/followup_*.py use them.
"""
