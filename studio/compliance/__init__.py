"""Banned and absolute claims (广告法 极限词, platform rules) in text meant for the audience.

- `lexicon`: the rules as data (shipped file + the studio's file + a show's own section).
- `matcher`: a compiled lexicon that finds the claims in one text (`Checker`).
- `texts`: every audience-facing text of a script with the file line it stands on.
- `findings`: checking lists of (source, line, text); the overall status.
- `files`: the `studio compliance check` file reader (scripts and plain text).
- `spans`: what to underline in the prompter and the cue editor.
- `gate`: the readiness gate item.
"""
