/**
 * Demo treatments for the local run and the tests (profile {@code demo}): example wording in this project's own words,
 * flagged as demo everywhere it is shown, because no surgeon has signed it off in the system.
 */
package org.clinicflow.content.demo;
