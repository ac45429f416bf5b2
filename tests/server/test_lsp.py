"""The language server end to end: a real LSP client (pytest-lsp) drives `factcheck server` over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

# The emoji is two UTF-16 code units: the diagnostic must still start on the figure.
ARTICLE = (
    "# Club news\n"
    "\n"
    "Our members 🎉 are many. Membership rose from 40,000 to 50,000, a 20% increase, the club said.\n"
    "\n"
    "The annual dinner is in May.\n"
)
WRONG = "20%"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "factcheck.cli.main", "server"])
RULE = "change-percent-matches-endpoints"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "factcheck.yaml").write_text("date: 2025-06-01\n", encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, project: Path):
    params = lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=project.as_uri(),
        initialization_options={"debounce_ms": 0},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def utf16_position(text: str, needle: str) -> lsp.Position:
    offset = text.index(needle)
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return lsp.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


async def open_document(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


async def code_actions(client: LanguageClient, uri: str, diagnostic: lsp.Diagnostic) -> list:
    return await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic])
        )
    )


def change(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    """The whole buffer replaced by ``text``, as the editor sends it."""
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text)],
        )
    )


async def next_diagnostics(client: LanguageClient, uri: str) -> list[lsp.Diagnostic]:
    await asyncio.wait_for(client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return list(client.diagnostics[uri])


@pytest.mark.asyncio
async def test_diagnostic_at_the_planted_inconsistency(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == RULE
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.source == "factcheck"
    assert "confidence:" in diagnostic.message
    statement = "rose from 40,000 to 50,000, a 20% increase"
    end = utf16_position(ARTICLE, statement)
    end.character += len(statement)
    assert diagnostic.range == lsp.Range(utf16_position(ARTICLE, statement), end)
    assert len(diagnostic.related_information) == 3
    assert [r.location.range.start for r in diagnostic.related_information] == [
        utf16_position(ARTICLE, figure) for figure in ("40,000", "50,000", "20%")
    ]
    assert diagnostic.data["rule"] == RULE
    doc = Path(diagnostic.code_description.href.removeprefix("file://"))
    assert doc.is_file() and RULE in doc.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_ranges_count_utf16_code_units(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    [diagnostic] = client.diagnostics[uri]
    line = ARTICLE.splitlines(True)[diagnostic.range.start.line]
    units = line.encode("utf-16-le")
    begins = units[diagnostic.range.start.character * 2 :].decode("utf-16-le")
    assert begins.startswith("rose from 40,000"), begins


@pytest.mark.asyncio
async def test_hover_shows_what_the_extractor_read(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), utf16_position(ARTICLE, WRONG))
    )
    assert hover is not None
    text = hover.contents.value
    assert "**percent** `20%`" in text
    assert "value: `20`" in text
    assert "hedge: `exact`" in text
    nothing = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 2))
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_suppression_quick_fix_inserts_a_comment_that_silences_the_finding(
    client: LanguageClient, project: Path
):
    uri = await open_document(client, project / "article.md", ARTICLE)
    [diagnostic] = client.diagnostics[uri]
    actions = await code_actions(client, uri, diagnostic)
    titles = [action.title for action in actions]
    assert any(title.startswith(f"Show the documentation of {RULE}") for title in titles)
    [suppress] = [a for a in actions if a.title.startswith(f"Suppress {RULE}")]
    [edit] = suppress.edit.changes[uri]
    edited = apply_edit(ARTICLE, edit).replace("REASON", "the club's figures are provisional")
    change(client, uri, edited)
    assert await next_diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_typing_rechecks_the_buffer(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    assert len(client.diagnostics[uri]) == 1
    fixed = ARTICLE.replace("a 20% increase", "a 25% increase")
    change(client, uri, fixed)
    assert await next_diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_changed_configuration_updates_diagnostics(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    assert len(client.diagnostics[uri]) == 1
    (project / "factcheck.yaml").write_text(f"date: 2025-06-01\ndisable: [{RULE}]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent((project / "factcheck.yaml").as_uri(), lsp.FileChangeType.Changed)]
        )
    )
    assert await next_diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_rule_file_errors_and_completion(client: LanguageClient, project: Path):
    pack = project / "house-rules"
    pack.mkdir()
    rule = pack / "bad.yaml"
    text = (
        "id: house-bad\n"
        "title: A broken rule\n"
        "severity: error\n"
        "message: broken\n"
        "for: c in claims.change\n"
        "assert: c.nosuchfield > 1\n"
    )
    rule.write_text(text, encoding="utf-8")
    uri = await open_document(client, rule, text, language="yaml")
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.range.start.line == 5
    assert "nosuchfield" in diagnostic.message
    kinds = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(4, len("for: c in claims.")))
    )
    assert {"change", "percent", "event_count"} <= {item.label for item in kinds.items}
    fields = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(5, len("assert: c.")))
    )
    assert {"from", "to", "change"} <= {item.label for item in fields.items}


def apply_edit(text: str, edit: lsp.TextEdit) -> str:
    """``edit`` applied as a client does, its characters counted in UTF-16 code units."""
    lines = text.splitlines(True)

    def offset(position: lsp.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        column = len(line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le"))
        return sum(len(before) for before in lines[: position.line]) + column

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


@pytest.mark.asyncio
async def test_plain_text_suppression_goes_to_the_sidecar(client: LanguageClient, project: Path):
    text = "Membership rose from 40,000 to 50,000, a 20% increase, the club said.\n"
    path = project / "notes.txt"
    path.write_text(text, encoding="utf-8")
    uri = await open_document(client, path, text, language="plaintext")
    [diagnostic] = client.diagnostics[uri]
    actions = await code_actions(client, uri, diagnostic)
    [suppress] = [a for a in actions if a.title.startswith(f"Suppress {RULE}")]
    create, change = suppress.edit.document_changes
    sidecar = project / "notes.txt.factcheck.yaml"
    assert create.uri == sidecar.as_uri()
    [edit] = change.edits
    sidecar.write_text(edit.new_text.replace("REASON", "provisional figures"), encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    assert await next_diagnostics(client, uri) == []


@pytest.mark.asyncio
async def test_open_documentation_command_shows_the_rule_page(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    [diagnostic] = client.diagnostics[uri]
    actions = await code_actions(client, uri, diagnostic)
    [show] = [a for a in actions if a.title.startswith("Show the documentation")]
    command = show if isinstance(show, lsp.Command) else show.command  # the client may read either
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(command.command, command.arguments))
    [shown] = client.shown_documents
    assert shown.uri == diagnostic.code_description.href


@pytest.mark.asyncio
async def test_quick_fix_applies_the_suggested_correction(client: LanguageClient, project: Path):
    uri = await open_document(client, project / "article.md", ARTICLE)
    [diagnostic] = client.diagnostics[uri]
    actions = await code_actions(client, uri, diagnostic)
    [fix] = [a for a in actions if isinstance(a, lsp.CodeAction) and a.is_preferred]
    assert fix.title == "Replace with “25%”"
    [edit] = fix.edit.changes[uri]
    assert edit.range.start == utf16_position(ARTICLE, WRONG)
    fixed = apply_edit(ARTICLE, edit)
    assert "a 25% increase" in fixed
    change(client, uri, fixed)
    assert await next_diagnostics(client, uri) == []
