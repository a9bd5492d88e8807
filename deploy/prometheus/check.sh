#!/usr/bin/env bash
# Checks deploy/prometheus with promtool: the scrape config (and the rule files it loads), the alert rules,
# and their unit tests in tests/*.yml; also that every alert has at least one unit test.
# Exits non-zero on the first failure. promtool comes with Debian's 'prometheus' package.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v promtool >/dev/null 2>&1; then
  echo "check.sh: promtool is not on PATH; install Debian's 'prometheus' package (apt-get install -y prometheus)" >&2
  exit 2
fi
cd "$here"
shopt -s nullglob
rules=(rules/*.yml)
tests=(tests/*.yml)
if [ ${#rules[@]} -eq 0 ]; then echo "check.sh: no rule file in $here/rules" >&2; exit 1; fi
if [ ${#tests[@]} -eq 0 ]; then echo "check.sh: no rule test in $here/tests" >&2; exit 1; fi

echo "== promtool $(promtool --version 2>&1 | head -1 | awk '{print $3}')"
echo "== promtool check config prometheus.yml"
promtool check config prometheus.yml
echo "== promtool check rules ${rules[*]}"
promtool check rules "${rules[@]}"

echo "== every alert has a unit test"
untested=()
for alert in $(sed -n 's/^[[:space:]]*-[[:space:]]*alert:[[:space:]]*\([A-Za-z0-9_]*\).*/\1/p' "${rules[@]}"); do
  grep -Eq "alertname:[[:space:]]*${alert}[[:space:]]*\$" "${tests[@]}" || untested+=("$alert")
done
if [ ${#untested[@]} -gt 0 ]; then
  echo "check.sh: alerts without a unit test in tests/: ${untested[*]}" >&2
  exit 1
fi
echo "  all $(cat "${rules[@]}" | grep -Ec '^[[:space:]]*-[[:space:]]*alert:') alerts are tested"

echo "== promtool test rules ${tests[*]}"
promtool test rules "${tests[@]}"
echo "check.sh: Prometheus config, rules and rule tests are fine"
