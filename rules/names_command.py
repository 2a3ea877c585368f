"""``mtlint names``: the names of a corpus, grouped by spelling, ready to become a glossary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from mtlint.config import load_config
from mtlint.document import Document
from mtlint.errors import InputError
from mtlint.files import expand_paths
from mtlint.glossary import load_glossary
from mtlint.report import display_path
from mtlint.rules.name_facts import NameFacts
from mtlint.rules.name_variants import People, Rank, name_facts, variant_groups
from mtlint.source import read_source


@dataclass
class _Spelling:
    occurrences: int = 0
    files: list[str] = field(default_factory=list)

    def describe(self) -> str:
        mentions = f"{self.occurrences} mention{'s' if self.occurrences != 1 else ''}"
        files = ", ".join(self.files[:3]) + (", …" if len(self.files) > 3 else "")
        return (
            f"{mentions} in {len(self.files)} file{'s' if len(self.files) != 1 else ''} ({files})"
        )


def _collect(
    paths: tuple[Path, ...], config_path: Path | None
) -> tuple[dict[str, NameFacts], frozenset[str]]:
    config = load_config(config_path)
    facts: dict[str, NameFacts] = {}
    for path in expand_paths(paths or (Path("."),), config):
        try:
            facts[display_path(path)] = name_facts(Document(read_source(path)))
        except InputError as error:
            click.echo(f"mtlint: warning: {error}", err=True)
    return facts, load_glossary(config).canonical_words


@click.command("names")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="Also list names with a single spelling.")
@click.option(
    "--write-glossary",
    type=click.Path(path_type=Path),
    help="Write the groups as a glossary file (names = {canonical: [variants]}).",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Use this config file."
)
def names(
    paths: tuple[Path, ...], show_all: bool, write_glossary: Path | None, config_path: Path | None
) -> int:
    """Show the names of a corpus and their spellings, the most used first."""
    facts, canonical = _collect(paths, config_path)
    spellings: dict[str, _Spelling] = defaultdict(_Spelling)
    roles: dict[str, frozenset[str]] = {}
    full_names = []
    for filename, article in facts.items():
        full_names.extend(article.full_names)
        for form, places in article.places.items():
            spellings[form].occurrences += len(places)
            spellings[form].files.append(filename)
            roles[form] = roles.get(form, frozenset()) | article.roles[form]

    def key(form: str) -> Rank:
        spelling = spellings[form]
        return Rank(form, (len(spelling.files), spelling.occurrences), canonical, full_names)

    def order(groups: list[list[str]]) -> list[list[str]]:
        return sorted(groups, key=lambda group: min(key(form) for form in group))

    groups = order(variant_groups(roles, People(full_names)))
    grouped = {form for group in groups for form in group}
    if show_all:
        groups += order([[form] for form in roles if form not in grouped])

    entries: dict[str, list[str]] = {}
    for group in groups:
        ranked = sorted(group, key=key)
        entries[ranked[0]] = ranked[1:]
        click.echo(f"{ranked[0]}: {spellings[ranked[0]].describe()}")
        for variant in ranked[1:]:
            click.echo(f"  ~ {variant}: {spellings[variant].describe()}")
    if not groups:
        click.echo("No name is spelled more than one way.")
    if write_glossary is not None:
        written = _write(write_glossary, _full_name_entries(entries, full_names))
        click.echo(f"Wrote {written} names to {write_glossary}.")
    return 0


def _full_name_entries(
    entries: dict[str, list[str]], full_names: list[tuple[str, str]]
) -> dict[str, list[str]]:
    """Word entries, with the full names of people ("Brittney Griner") where the corpus has them."""
    canonical_of = {variant: word for word, variants in entries.items() for variant in variants}
    people: dict[str, set[str]] = defaultdict(set)
    for given, surname in set(full_names):
        right = f"{canonical_of.get(given, given)} {canonical_of.get(surname, surname)}"
        written = f"{given} {surname}"
        if written != right:
            people[right].add(written)
    result = {name: sorted(variants) for name, variants in sorted(people.items())}
    covered = {word for name in result for word in name.split()}
    for word, variants in entries.items():
        if word not in covered or not variants:
            result[word] = list(variants)
    return result


def _write(path: Path, entries: dict[str, list[str]]) -> int:
    """Add ``entries`` to the glossary at ``path``, keeping what a desk already reviewed there."""
    from mtlint.config import read_toml
    from mtlint.glossary import parse_names
    from mtlint.writer import write_atomically

    if path.exists():
        reviewed = parse_names(str(path), read_toml(path).get("names", {}))
        known = {
            name for canonical, variants in reviewed.items() for name in (canonical, *variants)
        }
        merged = {name: list(variants) for name, variants in reviewed.items()}
        for name, variants in entries.items():
            if name not in known and not known.intersection(variants):
                merged[name] = variants
        entries = merged

    lines = [
        "# Names and their variant spellings, written by `mtlint names --write-glossary`.",
        '# Review them, then set `glossary = "' + path.name + '"` in the mtlint config.',
        "",
        "[names]",
    ]
    for name, variants in entries.items():
        quoted = ", ".join(_quote(v) for v in variants)
        lines.append(f"{_quote(name)} = [{quoted}]")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.exists():
        write_atomically(path, data)
    else:
        path.write_bytes(data)
    return len(entries)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
