"""Automations: rules that watch stock, sales, time and the audience and prompt the anchor.

Rules come from the show script (`rules:`) and a studio-wide rules file; each fires once per
episode and re-arms only after its condition clears. Actions go through `studio.talkback`,
`studio.incidents` and `studio.obs`.
"""
