/**
 * Real infrastructure on localhost without Docker: PostgreSQL, a Kafka KRaft broker and Keycloak, started one way for
 * the local run and for every integration test.
 */
package org.clinicflow.localstack;
