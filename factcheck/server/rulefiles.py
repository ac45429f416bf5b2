"""Rule files in the editor: the loader's errors as diagnostics, and completion from the type
environment (claim kinds after ``claims.``, a bound claim's fields after ``name.``, functions and
variables elsewhere in an expression)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from lsprotocol import types as lsp

from factcheck.claims.model import ClaimKind
from factcheck.errors import FactcheckError
from factcheck.language import types as T
from factcheck.language.env import TypeEnv
from factcheck.language.functions import FUNCTIONS, RESERVED
from factcheck.rules.loader import NOT_RULES_DIRS, load_rule_text

RULE_KEYS = re.compile(r"^(?:id|assert|rules)\s*:", re.MULTILINE)
FOR_BINDING = re.compile(r"\b([A-Za-z_]\w*)\s+in\s+claims\.([a-z_]+)")
MEMBER_BEFORE = re.compile(r"([A-Za-z_]\w*)\.(\w*)$")
STANDARD_NAMES = {"doc": "the document: its date, title and path", "claims": "the document's claims by kind"}


def is_rule_file(path: Path, text: str, packs: list[Path]) -> bool:
    """A YAML file inside a pack (not its facts, patterns or tests), or one that reads like a rule."""
    if path.suffix not in (".yaml", ".yml"):
        return False
    for pack in packs:
        try:
            parts = path.resolve().relative_to(pack.resolve()).parts[:-1]
        except ValueError:
            continue
        return not (NOT_RULES_DIRS | {"facts"}) & set(parts)
    return len(set(RULE_KEYS.findall(text))) >= 2


def rule_diagnostics(path: str, text: str, kinds: Mapping[str, ClaimKind]) -> list[lsp.Diagnostic]:
    """The loader's error for the file, type-checked against the workspace pack's claim ``kinds``, at
    its position (none when the file loads)."""
    try:
        load_rule_text(path, text, TypeEnv.standard(claims=T.ClaimTypes(kinds)))
    except FactcheckError as error:
        return [_error_diagnostic(error)]
    return []


def _error_diagnostic(error: FactcheckError) -> lsp.Diagnostic:
    location = error.location
    line = max((location.line if location else 1) - 1, 0)
    column = max((location.column if location else 1) - 1, 0)
    message = error.message + (f"\nhint: {error.hint}" if error.hint else "")
    return lsp.Diagnostic(
        range=lsp.Range(lsp.Position(line, column), lsp.Position(line, column + 1)),
        message=message,
        severity=lsp.DiagnosticSeverity.Error,
        source="factcheck",
    )


def completions(
    text: str, line_text_before: str, kinds: Mapping[str, ClaimKind]
) -> list[lsp.CompletionItem]:
    """What may be written at the cursor, given the rule file, its current line up to the cursor and
    the claim kinds of the workspace's pack."""
    member = MEMBER_BEFORE.search(line_text_before)
    if member is not None:
        return _members(member.group(1), text, kinds)
    return _functions() + _variables(text)


def _members(name: str, text: str, kinds: Mapping[str, ClaimKind]) -> list[lsp.CompletionItem]:
    if name == "claims":
        return [
            lsp.CompletionItem(kind.name, kind=lsp.CompletionItemKind.Class,
                               detail=f"claims.{kind.name}: list<claim<{kind.name}>>",
                               documentation=kind.description)
            for kind in kinds.values()
        ]
    kind = dict((n, k) for n, k in FOR_BINDING.findall(text)).get(name)
    if kind is None or kind not in kinds:
        return []
    fields = T.ClaimTypes(kinds).fields(kind)
    return [
        lsp.CompletionItem(field, kind=lsp.CompletionItemKind.Field, detail=f"{name}.{field}: {type_}")
        for field, type_ in sorted(fields.items())
    ]


def _functions() -> list[lsp.CompletionItem]:
    items = [
        lsp.CompletionItem(function.name, kind=lsp.CompletionItemKind.Function, detail=function.signature,
                           documentation=" ".join(function.doc.split()))
        for function in sorted(FUNCTIONS.values(), key=lambda f: f.name)
    ]
    items += [lsp.CompletionItem(name, kind=lsp.CompletionItemKind.Keyword, detail="aggregate")
              for name in sorted(RESERVED)]
    return items


def _variables(text: str) -> list[lsp.CompletionItem]:
    names = dict(STANDARD_NAMES)
    for name, kind in FOR_BINDING.findall(text):
        names[name] = f"claim<{kind}>, bound by `for`"
    return [lsp.CompletionItem(name, kind=lsp.CompletionItemKind.Variable, detail=detail)
            for name, detail in names.items()]
