#!/usr/bin/env python3
"""Checks an HTML page (stdin) for what hostile input must never produce, and that its tags balance.

Usage: check_html.py  -- exit 0 when the page is clean; 1 with one message per problem otherwise. Several
pages may come separated by NUL bytes; messages then name the page by its number (from 1).
Problems: a <script>, <iframe>, <object>, <embed>, <svg> or <math> element, an on* event attribute, a
javascript: URL, an end tag that closes nothing open, or elements left open at the end (void elements and
those whose end tag is optional excepted), and a page that does not start with a doctype.
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
OPTIONAL_END = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot"}
FORBIDDEN = {"script", "iframe", "object", "embed", "svg", "math", "frame", "frameset", "base"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.problems.append(f"forbidden element <{tag}> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        while self.open and self.open[-1] != tag and self.open[-1] in OPTIONAL_END:
            self.open.pop()
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> at line {self.getpos()[0]} closes nothing open (open: {self.open[-3:]})")
            return
        self.open.pop()


def problems(page: str) -> list:
    checker = Checker()
    if not page.lstrip().lower().startswith("<!doctype html>"):
        checker.problems.append("no <!DOCTYPE html> at the start")
    checker.feed(page)
    checker.close()
    left = [tag for tag in checker.open if tag not in OPTIONAL_END]
    if left:
        checker.problems.append(f"elements left open: {left}")
    return checker.problems


def main() -> int:
    pages = sys.stdin.buffer.read().decode("utf-8", errors="strict").split("\0")
    found = 0
    for number, page in enumerate(pages, 1):
        for problem in problems(page):
            found += 1
            print(f"page {number}: {problem}" if len(pages) > 1 else problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
