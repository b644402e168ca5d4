/** Procedures as performed: kyphoplasty and vertebroplasty recorded by the surgeon, which start follow-up. */
package org.clinicflow.booking.procedure;
