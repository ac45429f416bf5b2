"""``factcheck server``: a Language Server Protocol server over stdio, built on pygls.

Prose buffers (Markdown, plain text, HTML) get diagnostics as the user types (debounced) and on
save, hovers that show what the extractor read, and code actions (apply a suggested correction,
insert a suppression, open the rule's documentation). Rule files get the loader's errors and
completion. Each workspace folder has one :class:`Workspace`, whose engine is loaded once and
reloaded when its configuration, packs or facts change.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from factcheck.server import actions, convert, rulefiles
from factcheck.server.workspace import Workspace, buffer_format

NAME = "factcheck"
OPEN_RULE_DOC = "factcheck.openRuleDocumentation"
DEFAULT_DEBOUNCE = 0.3  # seconds of quiet typing before a buffer is re-checked


class FactcheckServer(LanguageServer):
    """The server's state: workspaces by root, pending checks by URI, the last results by URI."""

    def __init__(self) -> None:
        from factcheck import __version__

        super().__init__(NAME, __version__)
        self.workspaces: dict[Path, Workspace] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.results: dict[str, Any] = {}  # uri → DocumentResult of its last check
        self.debounce = DEFAULT_DEBOUNCE
        self.docs_dir: Path | None = None

    # -- workspaces --------------------------------------------------------------------------------
    def workspace_for(self, path: Path) -> Workspace:
        roots = [root for root in self.workspaces if path.is_relative_to(root)]
        if roots:
            return self.workspaces[max(roots, key=lambda r: len(r.parts))]
        return self.add_workspace(path.parent)

    def add_workspace(self, root: Path) -> Workspace:
        workspace = Workspace(root.resolve())
        self.workspaces[workspace.root] = workspace
        self.report_load_error(workspace)
        return workspace

    def report_load_error(self, workspace: Workspace) -> None:
        if workspace.error is not None:
            message = lsp.ShowMessageParams(lsp.MessageType.Error, f"factcheck: {workspace.error}")
            self.window_show_message(message)

    def rule_doc_uris(self, workspace: Workspace) -> dict[str, str]:
        """Each loaded rule's documentation page, written once per server into a private directory."""
        from factcheck.authoring.ruledocs import rule_page

        if self.docs_dir is None:
            self.docs_dir = Path(tempfile.mkdtemp(prefix="factcheck-rule-docs-"))
        uris = {}
        for rule_id, rule in workspace.rules_by_id().items():
            page = self.docs_dir / f"{rule_id}.md"
            if not page.exists():
                page.write_text(rule_page(rule), encoding="utf-8")
            uris[rule_id] = from_fs_path(str(page)) or ""
        return uris

    # -- checking ----------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        self.check(uri)

    def check(self, uri: str) -> None:
        path = Path(to_fs_path(uri) or uri)
        document = self.workspace.get_text_document(uri)
        workspace = self.workspace_for(path)
        if path.suffix in (".yaml", ".yml"):
            self._check_rule_file(uri, path, document.source, workspace)
            return
        if workspace.refresh():
            self.recheck_all(except_uri=uri)
        elif workspace.error is not None:
            self.report_load_error(workspace)
        result = workspace.check(str(path), document.source)
        if result is None:
            return
        self.results[uri] = result
        buffer = convert.Buffer(uri, document.source, document.position_codec)
        found = convert.diagnostics(buffer, result, self.rule_doc_uris(workspace))
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, found, document.version))

    def _check_rule_file(self, uri: str, path: Path, text: str, workspace: Workspace) -> None:
        loaded = workspace.loaded
        packs = list(loaded.config.rules) if loaded else []
        if not rulefiles.is_rule_file(path, text, packs):
            return
        found = rulefiles.rule_diagnostics(str(path), text, workspace.kinds())
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, found))

    def recheck_all(self, except_uri: str | None = None) -> None:
        for uri in list(self.workspace.text_documents):
            if uri != except_uri:
                self.check(uri)


def create_server() -> FactcheckServer:
    """A server with every feature registered (a fresh one per call, so tests and runs share nothing)."""
    server = FactcheckServer()

    @server.feature(lsp.INITIALIZE)
    def _initialize(ls: FactcheckServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and "debounce_ms" in options:
            ls.debounce = max(float(options["debounce_ms"]), 0.0) / 1000
        folders = [folder.uri for folder in params.workspace_folders or []] or (
            [params.root_uri] if params.root_uri else []
        )
        for folder in folders:
            ls.add_workspace(Path(to_fs_path(folder) or folder))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def _did_open(ls: FactcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def _did_change(ls: FactcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def _did_save(ls: FactcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = Path(to_fs_path(uri) or uri)
        workspace = ls.workspace_for(path)
        if workspace.watches(path) and workspace.refresh(force=True):
            ls.recheck_all()
            return
        ls.check(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def _did_close(ls: FactcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def _watched_files(ls: FactcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(workspace.refresh() for workspace in ls.workspaces.values()):
            ls.recheck_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def _configuration(ls: FactcheckServer, params: lsp.DidChangeConfigurationParams) -> None:
        for workspace in ls.workspaces.values():
            workspace.refresh(force=True)
            ls.report_load_error(workspace)
        ls.recheck_all()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def _hover(ls: FactcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        result = ls.results.get(uri)
        if result is None or result.document is None:
            return None
        document = ls.workspace.get_text_document(uri)
        buffer = convert.Buffer(uri, document.source, document.position_codec)
        claims = convert.claims_at(result.document, result.claims.claims, buffer.offset(params.position))
        if not claims:
            return None
        text = convert.hover_text(result.document, claims)
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def _code_action(ls: FactcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction | lsp.Command]:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or uri)
        kind = buffer_format(str(path))
        found: list[lsp.CodeAction | lsp.Command] = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != convert.SOURCE or not isinstance(diagnostic.data, dict):
                continue
            found += actions.for_diagnostic(uri, path, kind, document.lines, diagnostic, OPEN_RULE_DOC)
        return found

    @server.command(OPEN_RULE_DOC)
    async def _open_rule_doc(ls: FactcheckServer, href: str) -> None:
        await ls.window_show_document_async(lsp.ShowDocumentParams(href, external=False))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["."]))
    def _completion(ls: FactcheckServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
        uri = params.text_document.uri
        if not uri.endswith((".yaml", ".yml")):
            return None
        document = ls.workspace.get_text_document(uri)
        lines = document.lines
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        before = line[: document.position_from_client_units(params.position).character]
        path = Path(to_fs_path(uri) or uri)
        items = rulefiles.completions(document.source, before, ls.workspace_for(path).kinds())
        return lsp.CompletionList(is_incomplete=False, items=items)

    return server


def serve() -> int:
    """Run the server on standard input and output until the client asks it to exit."""
    create_server().start_io()
    return 0
