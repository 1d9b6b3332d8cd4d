# The two commands of the README. Each installs what it needs itself.
.PHONY: run test lint services-start services-stop

run:  ## install and serve the embedded default at http://127.0.0.1:8000
	bash scripts/run.sh

test:  ## install, start PostgreSQL/Redis/Elasticsearch, lint and run the whole test suite
	bash scripts/test.sh

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

services-start:
	bash scripts/services.sh start

services-stop:
	bash scripts/services.sh stop
