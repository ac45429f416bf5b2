from factcheck.cli.main import run

run()
