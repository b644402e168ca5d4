#!/usr/bin/env bash
# Starts the whole of clinicflow on this machine (PostgreSQL, Kafka, Keycloak, three services, gateway) with demo
# data. Needs only JDK 25; everything else comes from Maven Central. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
source deploy/jdk.sh
echo "Building (tests skipped; run ./mvnw verify for those) ..."
./mvnw -B -q -DskipTests install
exec "$JAVA_HOME/bin/java" -Xmx512m --sun-misc-unsafe-memory-access=allow \
  -cp "deploy/local-stack/target/classes:$(cat deploy/local-stack/target/classpath.txt)" \
  org.clinicflow.localstack.LocalRun "$@"
