package org.clinicflow.booking.enquiry;

/**
 * The warning signs that back pain may be a spinal emergency (cauda equina syndrome, cord compression from cancer,
 * infection, a fracture from a significant injury), as UK spinal pathways screen for them. A self-referral answers
 * each one; the questions' wording lives with the screens and is marked as demo until a clinician signs it off.
 */
enum RedFlag {
    /** New difficulty passing urine, or loss of bladder or bowel control. */
    BLADDER_OR_BOWEL,
    /** Numbness around the genitals or back passage. */
    SADDLE_NUMBNESS,
    /** New weakness or numbness in the legs that is getting worse. */
    LEG_WEAKNESS,
    /** Cancer now or in the past. */
    CANCER_HISTORY,
    /** A fever, or feeling generally unwell, with the back pain. */
    FEVER_OR_UNWELL,
    /** A recent major injury, such as a fall from a height or a road accident. */
    MAJOR_INJURY
}
