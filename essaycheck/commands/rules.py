"""``essaycheck rules [ID]``: what each rule checks, why, and its default severity."""

from __future__ import annotations

import argparse
import inspect


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("rules", help="list the rules, or explain one",
                                   description="List every rule with its default severity, or explain one rule.")
    parser.add_argument("rule", nargs="?", metavar="ID", help="a rule id, e.g. narrative-comma")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..rules import RESOLUTION_RULES, RULES, RULES_BY_ID

    if args.rule:
        if args.rule in RULES_BY_ID:
            rule = RULES_BY_ID[args.rule]
            print(f"{rule.id} ({rule.severity.value})\n\n{inspect.cleandoc(rule.doc)}")
            return 0
        if args.rule in RESOLUTION_RULES:
            severity, summary = RESOLUTION_RULES[args.rule]
            print(f"{args.rule} ({severity.value}; needs the DOI and URL lookups)\n\n{summary}")
            return 0
        print(f"essaycheck: no rule is called '{args.rule}'")
        return 2
    width = max(len(r.id) for r in RULES)
    for rule in RULES:
        print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    for rule_id, (severity, summary) in RESOLUTION_RULES.items():
        print(f"{rule_id:<{width}}  {severity.value:<7}  {summary} (DOI/URL lookup)")
    return 0
