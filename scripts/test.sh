#!/usr/bin/env bash
# Runs the whole test suite: unit tests (no engine, no Consul) in surefire, then the integration
# tests (*IT) against the real Docker engine and real Consul dev agents in failsafe, then every
# build gate (enforcer, Checkstyle, Error Prone + NullAway, Spotless, ArchUnit, JaCoCo).
# Provisions first (idempotent), so it also works on a fresh machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$KEELSON_ROOT/scripts/provision.sh"
# Integration tests must never skip silently for want of an engine.
docker version >/dev/null 2>&1 || die "no Docker engine answers; integration tests cannot run"
export CONSUL_BIN=${CONSUL_BIN:-$("$KEELSON_ROOT/scripts/provision-consul.sh")}
cd "$KEELSON_ROOT"
rc=0
mvn -B verify "$@" || rc=$?
"$KEELSON_ROOT/scripts/test-summary.sh" || true
exit $rc
