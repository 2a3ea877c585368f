"""The command line: ``mtlint check``, ``mtlint rules``, ``mtlint rule CODE``.

``main`` returns the exit code instead of exiting, so tests call it
directly: 0 when nothing is reported, 1 when findings remain, 2 for a usage,
configuration or input error, always reported in one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mtlint import __version__
from mtlint.errors import MtlintError

if TYPE_CHECKING:
    from mtlint.plugins import Plugin


def _codes(values: Sequence[str]) -> tuple[str, ...] | None:
    """Codes from repeated or comma-separated options; ``None`` when not given."""
    if not values:
        return None
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


COMMAND_GROUP = "mtlint.commands"


class PluginGroup(click.Group):
    """The built-in commands, and those that packages add through ``mtlint.commands``."""

    def _plugins(self) -> dict[str, Plugin]:
        from mtlint.plugins import entry_points

        return {plugin.name: plugin for plugin in entry_points(COMMAND_GROUP)}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._plugins()})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        entry_point = self._plugins().get(name)
        if entry_point is None:
            return None
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise MtlintError(f"command {name!r} could not be loaded: {error}") from None
        return loaded if isinstance(loaded, click.Command) else None


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="mtlint")
def cli() -> None:
    """Find and fix machine-translation artifacts in articles."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Rules to run (codes or prefixes, comma-separated).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    help="Rules to run besides the selected ones.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules not to run.")
@click.option(
    "--output-format",
    type=click.Choice(["full", "concise", "json", "sarif", "github"]),
    default="full",
    show_default=True,
    help="How findings are printed.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the number of findings per rule instead of the findings.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Use this config file."
)
@click.option(
    "--force-exclude",
    is_flag=True,
    default=None,
    help="Apply excludes to paths named on the command line too.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes to check documents with; 0: one per core.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help='Check on the Dask cluster at ADDRESS ("local": a local cluster of --jobs workers); '
    "needs mtlint[dask].",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that this baseline file does not record.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record the current findings in this baseline file and exit 0.",
)
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="Exit 1 when fixes changed a file, even if no finding remains.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
def check(
    paths: tuple[Path, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    statistics: bool,
    exit_zero: bool,
    config_path: Path | None,
    force_exclude: bool | None,
    no_cache: bool,
    jobs: int,
    dask: str | None,
    baseline_path: Path | None,
    write_baseline: Path | None,
    exit_non_zero_on_fix: bool,
    quiet: bool,
) -> int:
    """Check articles (files or directories; default: the current directory)."""
    from mtlint.config import load_config
    from mtlint.run import CheckRequest, run_check
    from mtlint.selection import SelectionLayer

    command_line = SelectionLayer(_codes(select), _codes(extend_select) or (), _codes(ignore) or ())
    config = load_config(config_path).with_overrides(
        overrides=(command_line,),
        force_exclude=force_exclude,
        baseline=str(baseline_path.absolute()) if baseline_path else None,
    )
    if write_baseline is not None:
        config = config._replace(baseline=None)
    request = CheckRequest(
        paths=paths or (Path("."),),
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        output_format=output_format,
        statistics=statistics,
        exit_zero=exit_zero,
        use_cache=not no_cache,
        jobs=jobs or os.cpu_count() or 1,
        quiet=quiet,
        dask=dask,
        write_baseline=write_baseline,
        exit_non_zero_on_fix=exit_non_zero_on_fix,
    )
    return run_check(config, request)


@cli.command("rules")
def list_rules() -> int:
    """List every rule: code, name, fix and summary."""
    from mtlint import registry

    for code, rule in registry.load_all().items():
        fix = rule.fix.value if rule.fix else "none"
        click.echo(f"{code}  {rule.name:<26} {fix:<7} {rule.summary}")
    return 0


@cli.command("rule")
@click.argument("code")
def explain_rule(code: str) -> int:
    """Explain one rule, with its examples and options."""
    from mtlint import registry

    rule = registry.load(code.strip().upper())
    click.echo(f"# {rule.code} {rule.name}\n")
    click.echo(
        f"Fix: {rule.fix.value if rule.fix else 'none'}. Default severity: {rule.severity.value}.\n"
    )
    click.echo(rule.explanation())
    if rule.options:
        click.echo("\n## Options")
        for key, option in rule.options.items():
            click.echo(f"- {key} (default {option.default!r}): {option.help}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["--help"]
    try:
        result = cli.main(args=args, prog_name="mtlint", standalone_mode=False)
    except click.ClickException as error:
        click.echo(f"mtlint: error: {error.format_message()}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("mtlint: error: aborted", err=True)
        return 2
    except MtlintError as error:
        click.echo(f"mtlint: error: {error}", err=True)
        return 2
    except Exception as error:  # one line, never a traceback, even for our own bugs
        click.echo(f"mtlint: error: internal error: {type(error).__name__}: {error}", err=True)
        return 2
    return result if isinstance(result, int) else 0
