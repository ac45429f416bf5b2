"""The command line: argument parsing, the commands, and configuration discovery."""
