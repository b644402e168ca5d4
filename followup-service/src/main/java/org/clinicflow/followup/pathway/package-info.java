/**
 * Follow-up pathways: per treatment, versioned steps a clinic admin maintains as data; started for a patient by the
 * procedure-completed event into messages, clinic tasks (the GP bone-density letter) and the six-week review, which is
 * requested from booking-service and followed until booked.
 */
package org.clinicflow.followup.pathway;
