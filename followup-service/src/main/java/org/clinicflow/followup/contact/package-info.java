/**
 * How each patient may be reached: a copy of booking-service's contact details and consent per channel, fed by its
 * patient events, plus the patient's own opt-outs.
 */
package org.clinicflow.followup.contact;
