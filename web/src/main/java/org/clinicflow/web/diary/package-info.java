/**
 * The diary: a site's or a clinician's appointments for a day or a week, and one appointment's page, where reception
 * checks the patient in, marks a no-show, cancels with a reason, moves it to a new slot and reads its history.
 */
package org.clinicflow.web.diary;
