#!/usr/bin/env bash
# First step of `pnpm test`: start or install what the tests talk to, so the README's test
# command passes on a fresh machine as it does in CI. Each step is skipped when its service
# or tool is already there; a missing one that cannot be had fails here, with its name,
# rather than as a confusing test failure later.
set -euo pipefail

# The PostgreSQL store's tests need the local server (127.0.0.1:5432, database `test`);
# they fail, never skip, without it.
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "test-setup: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# The MQTT tests of @anjian/sensor-mqtt talk to Mosquitto on 127.0.0.1:1883 (installed from
# Debian when missing, started when not running); they fail, never skip, without it.
if ! (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  if ! command -v mosquitto >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
    echo "test-setup: installing mosquitto from Debian's packages"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mosquitto >/dev/null
  fi
  echo "test-setup: starting Mosquitto"
  if [ -f /etc/mosquitto/mosquitto.conf ]; then mosquitto -d -c /etc/mosquitto/mosquitto.conf; else mosquitto -d -p 1883; fi
  for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null && break; sleep 0.2; done
fi

# The portal's end-to-end tests drive Debian's Chromium (they fail, never skip, without it);
# CJK fonts so screenshots show the Chinese UI.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Its headless shell (same build, no browser UI layer) is what the tests launch: about a third of
# the CPU per end-to-end file (scripts/chromium-path.mjs).
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# The PDF tests of @anjian/documents-pdf extract text and page images with poppler.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The secured-broker tests of @anjian/sensor-mqtt make device passwords and certificates.
command -v mosquitto_passwd >/dev/null 2>&1 || missing+=(mosquitto)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "test-setup: please install ${missing[*]} (Debian packages); the browser tests need them" >&2
    exit 2
  fi
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
  echo "test-setup: installing ${missing[*]} from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
