"""Subcommands of `studio`; each module registers its parsers (see studio.cli)."""
