"""Fast starts of the `studio` command (issue 23): `--help` lists every command from a static
table, a command imports only its own module, a script's stored text is parsed once."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import textwrap

import pytest

from studio import cli


def registered(module: str) -> dict[str, str | None]:
    """What `studio.commands.<module>.register` adds: command -> help."""
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(f"studio.commands.{module}").register(sub)
    return {a.dest: a.help for a in sub._choices_actions}


def test_command_table_matches_the_command_modules() -> None:
    """Every module in studio/commands is in COMMANDS with the names and help it registers,
    and the table names no module that is not there."""
    modules = cli.command_modules()
    from_modules: dict[str, tuple[str, str | None]] = {}
    for module in modules:
        for name, help in registered(module).items():
            from_modules[name] = (module, help)
    assert from_modules == cli.COMMANDS


PROBE = textwrap.dedent(
    """
    import json, sys
    from studio.cli import build_parser
    args = build_parser().parse_args(sys.argv[1:])
    print(json.dumps({
        "commands": sorted(m for m in sys.modules if m.startswith("studio.commands.")),
        "sqlalchemy": "sqlalchemy" in sys.modules,
        "func": args.func is not None,
    }))
    """
)


def probe(*argv: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def test_a_command_imports_only_its_own_module() -> None:
    """Parsing `studio product list --json` imports studio.commands.product and no other
    command module."""
    found = probe("product", "list", "--show", "1", "--json")
    assert found["commands"] == ["studio.commands.common", "studio.commands.product"]
    assert found["func"] is True


def test_help_lists_every_command_without_importing_them() -> None:
    """`studio --help` names every command with its help and imports no command module nor
    SQLAlchemy."""
    code = "import sys; from studio.cli import main; main(['--help'])"
    done = subprocess.run(
        [sys.executable, "-c", code + "\nprint(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    for name, (_module, help) in cli.COMMANDS.items():
        assert f"{name} {' '.join(help.split())}" in text, name
    check = textwrap.dedent(
        """
        import sys, contextlib, io
        from studio.cli import main
        with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
            main(['--help'])
        print(sorted(m for m in sys.modules if m.startswith('studio.commands.')
                     or m == 'sqlalchemy'))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.strip() == "[]"


def test_subcommand_help_and_global_options_after_a_lazy_command() -> None:
    """A command loaded on demand still takes the global options after its name and keeps
    its own options (the parser can be used twice)."""
    parser = cli.build_parser()
    args = parser.parse_args(["show", "list", "--db", "sqlite://", "--json", "-v"])
    assert args.db == "sqlite://" and args.verbose and args.json
    again = parser.parse_args(["--lang", "en", "show", "list"])
    assert again.lang == "en" and again.db is None
    with pytest.raises(SystemExit):
        parser.parse_args(["no-such-command"])


def test_load_all_builds_every_subparser() -> None:
    """`build_parser(load_all=True)` has every command's real parser (for tools that walk them)."""
    parser = cli.build_parser(load_all=True)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(cli.COMMANDS) <= set(sub.choices)
    assert all("--db" in p._option_string_actions for p in sub.choices.values())
    assert sub.choices["show"].add_help  # the real parser, not the table's placeholder


def test_replays_are_registered_for_a_shared_database_only() -> None:
    """Only a process that may open PostgreSQL (the one kind with an offline outbox) imports
    every replaying module up front."""
    ns = argparse.Namespace
    assert cli.shared_database(ns(db="postgresql://studio@db/studio"))
    assert not cli.shared_database(ns(db="sqlite:////tmp/x.db"))


def test_a_stored_script_text_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the same stored script text again returns the parsed script without parsing
    it again; a broken text raises every time."""
    from studio.script import loader, yaml_io
    from studio.script.errors import ScriptError

    calls: list[str] = []
    real = yaml_io.parse_yaml

    def counting(text: str, filename: str):  # type: ignore[no-untyped-def]
        calls.append(filename)
        return real(text, filename)

    monkeypatch.setattr(yaml_io, "parse_yaml", counting)
    text = "title: Cache test\nsegments:\n  - id: open\n    title: Open\n    duration: 5m\n    cues:\n      - text: Hello\n"
    first = loader.load_script_text(text, "show 9001")
    again = loader.load_script_text(text, "show 9001")
    assert again is first and first.title == "Cache test" and len(calls) == 1
    for _ in range(2):
        with pytest.raises(ScriptError):
            loader.load_script_text("title: [", "show 9002")
    assert len(calls) == 3
