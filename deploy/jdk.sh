# Sourced by run-local.sh and .ci/run: makes JAVA_HOME point at a JDK 25 or newer, or stops with what to install.
clinicflow_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
clinicflow_pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(clinicflow_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "clinicflow needs JDK 25 (for example Eclipse Temurin 25). Install it and set JAVA_HOME to it." >&2
  return 1
}
clinicflow_pick_jdk
