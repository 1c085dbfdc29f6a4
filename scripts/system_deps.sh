#!/usr/bin/env bash
# Install the real services the test suite drives: Debian's Chromium (browser tests) and
# redis-server (Redis persistence tests). Best effort: without root or apt, the tests that
# need them are skipped with a message saying so.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${need[*]} missing and no root apt-get here; the tests needing them will be skipped."
  exit 0
fi
echo "Installing ${need[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "note: installing ${need[*]} failed; the tests needing them will be skipped."
exit 0
