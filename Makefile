# The two commands (README.md): `make run` opens the app, `make test` runs every check and test.
# Both first install whatever is missing (scripts/setup.sh), so a fresh clone needs nothing else.
.PHONY: run test setup app ui bench

run:
	scripts/setup.sh run
	$(MAKE) app
	cargo run -p shelian-app --features custom-protocol

test:
	scripts/setup.sh test
	scripts/test.sh

# The UI bundle, then the app binary that serves it (the same feature set as the tests use).
ui:
	cd ui && npm run --silent build

app: ui
	cargo build -p shelian-app --features custom-protocol

bench:
	cargo bench -p shelian-core
