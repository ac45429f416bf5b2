"""Code actions for a factcheck diagnostic: apply its suggested correction, suppress it with a
reason to fill in, open the rule's documentation."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from factcheck.ci.suppressions import SIDECAR_SUFFIX
from factcheck.spans import LineIndex

REASON = "REASON"
"""The placeholder a suppression's reason starts as: a suppression without a real reason is flagged."""


def for_diagnostic(
    uri: str, path: Path, kind: str | None, lines: Sequence[str], diagnostic: lsp.Diagnostic, open_doc: str
) -> list[lsp.CodeAction | lsp.Command]:
    data = diagnostic.data
    rule = data.get("rule")
    found: list[lsp.CodeAction | lsp.Command] = []
    fix = data.get("fix")
    if fix:
        found.append(_apply_fix(uri, diagnostic, fix))
    if rule and kind in ("markdown", "html"):
        found.append(_comment_suppression(uri, lines, diagnostic, rule))
    elif rule and kind == "text":
        found.append(_sidecar_suppression(path, lines, diagnostic, rule))
    href = diagnostic.code_description.href if diagnostic.code_description else None
    if href:  # a bare command: a code action holding only a command reads ambiguously to some clients
        found.append(lsp.Command(f"Show the documentation of {rule}", open_doc, arguments=[href]))
    return found


def _apply_fix(uri: str, diagnostic: lsp.Diagnostic, fix: dict) -> lsp.CodeAction:
    where = fix["range"]
    edit = lsp.TextEdit(
        lsp.Range(lsp.Position(**where["start"]), lsp.Position(**where["end"])), fix["replacement"]
    )
    return lsp.CodeAction(
        f"Replace with “{fix['replacement']}”", kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
        is_preferred=True, edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )


def _comment_suppression(
    uri: str, lines: Sequence[str], diagnostic: lsp.Diagnostic, rule: str
) -> lsp.CodeAction:
    """``<!-- factcheck-disable-next-line RULE: REASON -->`` before the finding's line: at the end of
    the line above when that line is prose (a comment line there would split the paragraph in
    CommonMark), else on a line of its own."""
    line = diagnostic.range.start.line
    comment = f"<!-- factcheck-disable-next-line {rule}: {REASON} -->"
    above = lines[line - 1].rstrip("\r\n") if line > 0 else ""
    if above.strip():
        at = lsp.Position(line - 1, len(above.encode("utf-16-le")) // 2)
        edit = lsp.TextEdit(lsp.Range(at, at), f" {comment}")
    else:
        at = lsp.Position(line, 0)
        edit = lsp.TextEdit(lsp.Range(at, at), f"{comment}\n")
    return lsp.CodeAction(
        f"Suppress {rule} on this line (give a reason)", kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )


def _sidecar_suppression(
    path: Path, lines: Sequence[str], diagnostic: lsp.Diagnostic, rule: str
) -> lsp.CodeAction:
    """Plain text has no comments: the suppression goes into the sidecar ``<file>.factcheck.yaml``,
    matched by the text of the finding's line so that it survives edits above it."""
    sidecar = Path(str(path) + SIDECAR_SUFFIX)
    sidecar_uri = from_fs_path(str(sidecar)) or str(sidecar)
    line_text = lines[diagnostic.range.start.line].strip() if diagnostic.range.start.line < len(lines) else ""
    entry = f"  - rule: {rule}\n    text: {_yaml_string(line_text)}\n    reason: {REASON}\n"
    changes: list[lsp.TextDocumentEdit | lsp.CreateFile] = []
    if sidecar.is_file():
        existing = sidecar.read_text(encoding="utf-8")
        last = LineIndex(existing).position(len(existing))
        end = lsp.Position(last.line - (last.column == 1), 0)  # the (0-based) line after the last with text
        prefix = "" if existing.endswith("\n") or not existing else "\n"
        edits = [lsp.TextEdit(lsp.Range(end, end), prefix + entry)]
    else:
        changes.append(lsp.CreateFile(sidecar_uri, options=lsp.CreateFileOptions(ignore_if_exists=True)))
        origin = lsp.Position(0, 0)
        edits = [lsp.TextEdit(lsp.Range(origin, origin), "suppressions:\n" + entry)]
    target = lsp.OptionalVersionedTextDocumentIdentifier(uri=sidecar_uri, version=None)
    changes.append(lsp.TextDocumentEdit(target, edits))
    return lsp.CodeAction(
        f"Suppress {rule} for this line in {sidecar.name} (give a reason)", kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], edit=lsp.WorkspaceEdit(document_changes=changes),
    )


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
