# Sourced by the tests/ops scripts that check several things, each a line of TAP (ops/test.sh counts them):
#   check "<what it proves>" '<command>'   one check: ok when the command (evaluated) succeeds
#   skip "<what it would prove>" "<why not>"  a check that cannot run here
#   checks_done                            the plan and counts; fails if a check failed (the script's last line)
test_number=0
failed=0
skipped=0

check() {
  test_number=$((test_number + 1))
  if eval "$2"; then echo "ok $test_number - $1"; else echo "not ok $test_number - $1"; failed=$((failed + 1)); fi
}

skip() {
  test_number=$((test_number + 1))
  skipped=$((skipped + 1))
  echo "ok $test_number - $1 # SKIP $2"
}

checks_done() {
  echo "1..$test_number"
  echo "# pass $((test_number - failed - skipped))"
  echo "# fail $failed"
  echo "# skipped $skipped"
  [ "$failed" = 0 ]
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
