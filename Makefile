# traindesk — `make help` lists the targets.
GO      ?= go
BIN     := bin/traindesk
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/traindesk/traindesk/internal/app.Version=$(VERSION)

.PHONY: help run test bench generate fmt lint check-generated build clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

build: ## build bin/traindesk
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/traindesk

run: build ## build, migrate, load the demo on first start, serve on localhost:8080
	TRAINDESK_DEMO=$${TRAINDESK_DEMO:-true} TRAINDESK_ADDR=$${TRAINDESK_ADDR:-localhost:8080} ./$(BIN) serve

test: ## run every test (browser and PostgreSQL tests skip when those are absent), the store and web tests again on PostgreSQL when TRAINDESK_TEST_PG is set, then short fuzz runs
	$(GO) test -count=1 -timeout 20m ./...
	@if [ -n "$$TRAINDESK_TEST_PG" ]; then echo "== the store and web tests again, on PostgreSQL"; \
	  TRAINDESK_TEST_DB=postgres $(GO) test -count=1 -timeout 20m ./internal/store/... ./internal/web/...; fi
	$(GO) test -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime 5s ./internal/roster/nomination/
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime 3s ./internal/roster/

bench: ## print the benchmarks' ratios against their baselines
	TRAINDESK_BENCH=1 TRAINDESK_BENCH_RESULTS=$(CURDIR)/bench/results.md $(GO) test -count=1 -run '^TestBench' -v -timeout 30m ./internal/bench/

generate: ## regenerate the templ code
	$(GO) tool templ generate

fmt: ## format Go and templ sources
	gofmt -w cmd internal db assets views
	$(GO) tool templ fmt views

lint: ## fail on unformatted code or vet findings
	@out=$$(gofmt -l cmd internal db assets views); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

check-generated: ## fail when the committed *_templ.go differ from the .templ sources
	$(GO) tool templ generate >/dev/null 2>&1
	@git diff --exit-code --stat -- '*_templ.go' || (echo "run 'make generate' and commit the result"; exit 1)
	@untracked=$$(git ls-files --others --exclude-standard -- '*_templ.go'); if [ -n "$$untracked" ]; then echo "untracked generated files: $$untracked"; exit 1; fi

clean: ## remove the binary and test caches
	rm -rf bin
	$(GO) clean -testcache
