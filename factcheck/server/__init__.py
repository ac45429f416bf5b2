"""The language server (`factcheck server`): the engine in the editor, over LSP on stdio."""
