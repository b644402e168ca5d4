# Sourced by mvnw (POSIX sh, possibly dash), run-local.sh and .ci/run (bash): makes JAVA_HOME point at a JDK 25 or
# newer, or stops with what to install. Keep it POSIX: no `local`, no bash arrays, no [[ ]]. The /usr/lib/jvm/* globs
# need globbing on, so a caller that runs `set -f` (mvnw does) must source this with `set +f` in force.
#
# Order tried: $JAVA_HOME, the JDK of the `java` on PATH, then the JDKs in $CLINICFLOW_JDK_SEARCH (default /usr/lib/jvm).
# CLINICFLOW_JDK_SEARCH exists for testing the "no JDK 25 anywhere" path: with JAVA_HOME unset, an old `java` on PATH
# and CLINICFLOW_JDK_SEARCH=/nonexistent, this prints the message below and returns 1.
clinicflow_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
clinicflow_pick_jdk() {
  clinicflow_search="${CLINICFLOW_JDK_SEARCH:-/usr/lib/jvm}"
  for clinicflow_candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      "$clinicflow_search"/temurin-25-jdk-amd64 "$clinicflow_search"/*25* "$clinicflow_search"/*; do
    if [ -n "$clinicflow_candidate" ] && [ -x "$clinicflow_candidate/bin/java" ] \
        && [ "$(clinicflow_java_major "$clinicflow_candidate")" -ge 25 ] 2>/dev/null; then
      if [ -n "${JAVA_HOME:-}" ] && [ "$JAVA_HOME" != "$clinicflow_candidate" ]; then
        echo "JAVA_HOME=$JAVA_HOME is not a JDK 25 or newer; using $clinicflow_candidate instead." >&2
      fi
      JAVA_HOME="$clinicflow_candidate"
      export JAVA_HOME
      unset clinicflow_search clinicflow_candidate
      return 0
    fi
  done
  unset clinicflow_search clinicflow_candidate
  echo "clinicflow needs JDK 25 or newer (for example Eclipse Temurin 25) and found none: install it and set JAVA_HOME to it." >&2
  return 1
}
clinicflow_pick_jdk
