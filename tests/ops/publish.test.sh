#!/usr/bin/env bash
# The published API works as installed: `keys create` needs no database and refuses unknown roles; `db-apply` creates
# the schema; the API started from another folder in Production with the created key answers /health/ready 200,
# serves the dashboard from its install folder (the content root), lets the key in and keeps others out; `db-assert`
# then finds the schema as the API wants it; a chunked body over the limit is a 413 problem, logged as such; a header
# outside ASCII is a 400 problem.
# ops/publish.sh prints its usage on --help and takes one folder at most.
# Prints TAP; non-zero on failure. See tests/ops/common.sh.
check=publish-check
source "$(dirname "$0")/common.sh"

"$repo/ops/publish.sh" --help | grep -q "^usage: ops/publish.sh" || fail "publish.sh --help printed no usage"
if "$repo/ops/publish.sh" "$work/a" "$work/b" >/dev/null 2>&1; then fail "publish.sh took two folders"; fi
publish_api
if api keys create --name ops-check --role boss >/dev/null 2>&1; then fail "keys create accepted an unknown role"; fi
create_key admin
scratch_database wtprod_publish
api db-apply >"$work/db-apply.log" 2>&1 || { cat "$work/db-apply.log" >&2; fail "db-apply failed"; }
start_api
[ "$(status_of /dashboard/app.js)" = 200 ] || fail "the dashboard's files were not found from another folder"
[ "$(status_of /api/units)" = 200 ] || fail "the created key was not let in"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Api-Key: dev-admin' "$url/api/units")" = 401 ] \
  || fail "a development key was let in in Production"
# A body over the route's limit sent in chunks (no Content-Length to refuse it by) is found too large while it is read:
# the answer is a 413 problem, and the log says so (as it is refused, not as a 500 with a stack trace). The body opens a
# JSON string that runs past the limit, so that it cannot be refused as no JSON before the limit is reached.
oversize="$({ printf '{"name":"'; head -c 2000000 /dev/zero | tr '\0' 'a'; } \
  | curl -s -o "$work/oversize.json" -w '%{http_code}' -X POST -H "X-Api-Key: $key" \
    -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @- "$url/api/units")"
[ "$oversize" = 413 ] || fail "a chunked body over the limit got $oversize, not 413"
grep -q 'application/problem+json\|"status":413' "$work/oversize.json" || fail "the 413 carried no problem"
sleep 0.5
if grep -q 'responded 500' "$work/api.log"; then
  grep 'responded 500' "$work/api.log" | head -n 3 >&2
  fail "a request answered 413 was logged as a 500"
fi
# A header value with bytes outside ASCII (a UTF-8 "é") reaches the API's own checks, which say what is wrong: the
# server had answered a bare 400 without a problem.
answer="$(curl -s -o "$work/header.json" -w '%{http_code} %{content_type}' -H "X-Api-Key: $key" \
  -H 'Idempotency-Key: clé' "$url/api/units")"
[ "$answer" = "400 application/problem+json" ] || fail "an Idempotency-Key outside ASCII got $answer, not a 400 problem"
grep -q 'Idempotency-Key' "$work/header.json" || fail "the 400 did not name the Idempotency-Key"
api db-assert >"$work/db-assert.log" 2>&1 || { cat "$work/db-assert.log" >&2; fail "db-assert found differences"; }
passed
