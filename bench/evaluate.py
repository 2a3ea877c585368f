"""Measure mtlint on an evaluation folder laid out like ``../shared/eval/``.

    python bench/evaluate.py ../shared/eval [--json]

- clean/: findings per 1,000 words, per code and in total, and the most
  frequent finding texts, for a person to judge;
- recall/: for each rule class, how many spans that two or more raters marked
  are covered by a finding of a matching code, and the share of all findings
  that fall on a marked span (a lower bound on precision); each MT system's
  articles are linted together, as one repository;
- mt/: findings per 1,000 words for each MT system beside the human
  references of the same articles, and their ratio.

The data is read where it lies and never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.source import read_source

#: Which codes can catch each rule class of the raters' spans.
RULE_CLASSES = {
    "spelling_or_casing": ("C", "E", "H001", "N003"),
    "inconsistency": ("E",),
    "untranslated": ("T003", "H005"),
    "repetition": ("R",),
    "non_translation": ("R005", "T003"),
    "punctuation_typography": ("N",),
    "locale_format": ("N008",),
}
#: The classes whose recall the project's goal is set on.
GOAL_CLASSES = (
    "spelling_or_casing",
    "inconsistency",
    "untranslated",
    "repetition",
    "non_translation",
)


def words(doc: Document) -> int:
    return len(doc.text.split())


def lint(paths: Sequence[Path]) -> list[tuple[Document, list[Any]]]:
    documents = [Document(read_source(path)) for path in paths]
    if not documents:
        return []
    linter = Linter(Config(root=paths[0].parent))
    return list(zip(documents, linter.lint(documents), strict=True))


def finding_text(doc: Document, diagnostic: Any) -> str:
    text = doc.text[diagnostic.span.start : diagnostic.span.end].replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."


def rate(count: int, total_words: int) -> float:
    return round(1000 * count / total_words, 3) if total_words else 0.0


def evaluate_clean(folder: Path) -> dict[str, Any]:
    subsets = {}
    codes: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    total_words = 0
    for subset in sorted(p for p in folder.iterdir() if p.is_dir()):
        results = lint(sorted(subset.glob("*.txt")))
        subset_words = sum(words(doc) for doc, _ in results)
        found = [(doc, d) for doc, diagnostics in results for d in diagnostics]
        total_words += subset_words
        codes.update(d.code for _, d in found)
        texts.update(f"{d.code} {finding_text(doc, d)!r}" for doc, d in found)
        subsets[subset.name] = {
            "words": subset_words,
            "findings": len(found),
            "per_1000": rate(len(found), subset_words),
        }
    total = sum(codes.values())
    return {
        "subsets": subsets,
        "words": total_words,
        "findings": total,
        "per_1000": rate(total, total_words),
        "per_code": {code: rate(count, total_words) for code, count in sorted(codes.items())},
        "most_frequent": texts.most_common(20),
    }


def _systems(folder: Path) -> dict[str, list[Path]]:
    systems: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.glob("*.txt")):
        systems[path.stem.rsplit("__", 1)[-1]].append(path)
    return systems


def _overlap(span: dict[str, Any], diagnostic: Any) -> bool:
    return bool(span["start"] < diagnostic.span.end and diagnostic.span.start < span["end"])


def evaluate_recall(folder: Path) -> dict[str, Any]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    on_spans = 0
    all_findings = 0
    for paths in _systems(folder).values():
        for doc, diagnostics in lint(paths):
            spans = json.loads(doc.path.with_suffix(".json").read_text("utf-8"))["spans"]
            all_findings += len(diagnostics)
            on_spans += sum(1 for d in diagnostics if any(_overlap(s, d) for s in spans))
            seen = set()
            for span in spans:
                rule_class = span.get("rule_class")
                key = (span["start"], span["end"], rule_class)
                if (
                    rule_class not in RULE_CLASSES
                    or span.get("n_raters_agree", 0) < 2
                    or key in seen
                ):
                    continue
                seen.add(key)
                total[rule_class] += 1
                codes = RULE_CLASSES[rule_class]
                if any(d.code.startswith(codes) and _overlap(span, d) for d in diagnostics):
                    found[rule_class] += 1
    goal_found = sum(found[c] for c in GOAL_CLASSES)
    goal_total = sum(total[c] for c in GOAL_CLASSES)
    return {
        "classes": {c: {"found": found[c], "spans": total[c]} for c in RULE_CLASSES},
        "goal_classes_recall": round(goal_found / goal_total, 3) if goal_total else None,
        "findings": all_findings,
        "findings_on_marked_spans": on_spans,
        "share_on_marked_spans": round(on_spans / all_findings, 3) if all_findings else None,
    }


def evaluate_mt(folder: Path, references: Path) -> dict[str, Any]:
    reference_results = lint(sorted(references.glob("*.txt")))
    reference_words = sum(words(doc) for doc, _ in reference_results)
    reference_findings = sum(len(d) for _, d in reference_results)
    systems = {}
    texts: Counter[str] = Counter()
    all_words = all_findings = 0
    for system, paths in _systems(folder).items():
        results = lint(paths)
        system_words = sum(words(doc) for doc, _ in results)
        findings = [(doc, d) for doc, diagnostics in results for d in diagnostics]
        texts.update(f"{d.code} {finding_text(doc, d)!r}" for doc, d in findings)
        all_words += system_words
        all_findings += len(findings)
        systems[system] = rate(len(findings), system_words)
    reference_rate = rate(reference_findings, reference_words)
    mt_rate = rate(all_findings, all_words)
    return {
        "systems": systems,
        "mt_per_1000": mt_rate,
        "references_per_1000": reference_rate,
        "ratio": round(mt_rate / reference_rate, 1) if reference_rate else None,
        "most_frequent": texts.most_common(20),
    }


CLEAN_LINE = "clean: {findings} findings in {words} words = {per_1000} per 1,000"
RECALL_LINE = (
    "recall: goal classes {goal_classes_recall}; findings on marked spans "
    "{findings_on_marked_spans}/{findings} = {share_on_marked_spans}"
)
MT_LINE = "mt: {mt_per_1000} per 1,000 against {references_per_1000} on the references, {ratio}x"


def report(results: dict[str, Any]) -> str:
    lines = []
    clean = results.get("clean")
    if clean:
        lines.append(CLEAN_LINE.format(**clean))
        for name, subset in clean["subsets"].items():
            lines.append(f"  {name}: {subset['findings']} ({subset['per_1000']} per 1,000)")
        lines.append("  per code: " + ", ".join(f"{c} {r}" for c, r in clean["per_code"].items()))
        lines += [f"  {count:>4}  {text}" for text, count in clean["most_frequent"]]
    recall = results.get("recall")
    if recall:
        lines.append(RECALL_LINE.format(**recall))
        for name, counts in recall["classes"].items():
            lines.append(f"  {name}: {counts['found']}/{counts['spans']}")
    mt = results.get("mt")
    if mt:
        lines.append(MT_LINE.format(**mt))
        lines += [f"  {system}: {value}" for system, value in mt["systems"].items()]
        lines += [f"  {count:>4}  {text}" for text, count in mt["most_frequent"]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder laid out like shared/eval")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--only",
        choices=("clean", "recall", "mt"),
        action="append",
        help="measure only these parts",
    )
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"evaluate: error: {args.folder}: no such folder", file=sys.stderr)
        return 2
    parts = set(args.only or ("clean", "recall", "mt"))
    results: dict[str, Any] = {}
    if "clean" in parts and (args.folder / "clean").is_dir():
        results["clean"] = evaluate_clean(args.folder / "clean")
    recall = args.folder / "recall"
    if "recall" in parts and recall.is_dir():
        for folder in sorted(p for p in recall.iterdir() if p.is_dir()):
            results["recall"] = evaluate_recall(folder)
    mt = args.folder / "mt" / "wmt21_ruen"
    if "mt" in parts and mt.is_dir():
        results["mt"] = evaluate_mt(mt, args.folder / "clean" / "wmt21_ruen_refA")
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
