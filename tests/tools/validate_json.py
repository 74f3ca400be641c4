#!/usr/bin/env python3
"""Validates JSON documents (one per line on stdin) against a Gazette JSON Schema.

Usage: validate_json.py SCHEMA [DEF]   -- DEF validates against #/$defs/DEF instead of the root.
Exit 0 when every document is valid; 1 with one message per problem otherwise.
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    if len(sys.argv) > 2:
        schema = {"$ref": "#/$defs/" + sys.argv[2], "$defs": schema["$defs"]}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = 0
    documents = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        documents += 1
        for error in validator.iter_errors(json.loads(line)):
            problems += 1
            print(f"document {number}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    if documents == 0:
        print("no JSON document on stdin")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
