/**
 * Treatment content for the people who write and sign it off: content editors draft and revise a treatment's page in
 * Markdown, a surgeon who did not write it reads what changed against the published version and approves or returns
 * it, and an editor publishes what was approved. content-service owns every rule; these pages show its refusals.
 */
package org.clinicflow.web.editing;
