.PHONY: run test test-fast bench lint screenshots dist
run:          ## start the program
	bash .ci/launch
test:         ## lint, types and the whole test suite (what CI runs)
	bash .ci/run
test-fast:    ## the tests not marked slow (no lint, no PostgreSQL server): a quick check while working
	bash .ci/bootstrap && QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests -m "not slow"
bench:        ## the benchmarks: one line per figure, with baseline and ratio
	bash .ci/bootstrap && QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks
lint:
	.venv/bin/ruff check desktop tests && .venv/bin/mypy desktop tests
dist:         ## the one-folder program in dist/grant-assistant/ (PyInstaller; build files in build/)
	bash .ci/bootstrap && .venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist \
	  --workpath build/pyinstaller resources/packaging/grant-assistant.spec
