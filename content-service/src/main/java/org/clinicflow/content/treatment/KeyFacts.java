package org.clinicflow.content.treatment;

import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * The facts a patient looks for first. Each may be null while a draft is being written; a version cannot be
 * submitted for review until all four are given.
 *
 * @param typicalDuration  how long the procedure itself takes, in words ("About 15 minutes")
 * @param anaesthesia      what kind, in words ("Local anaesthetic with sedation")
 * @param sameDayDischarge whether patients usually go home the same day
 * @param complicationRate in words, as the surgeon signed it off ("Under 1 in 100")
 */
public record KeyFacts(@Size(max = 200) String typicalDuration,
                       @Size(max = 200) String anaesthesia,
                       Boolean sameDayDischarge,
                       @Size(max = 200) String complicationRate) {

    public static final KeyFacts NONE = new KeyFacts(null, null, null, null);

    public KeyFacts {
        typicalDuration = TreatmentContent.clean(typicalDuration);
        anaesthesia = TreatmentContent.clean(anaesthesia);
        complicationRate = TreatmentContent.clean(complicationRate);
    }

    /** The first fact not yet given, as an API field name; empty when all are given. */
    Optional<String> firstMissing() {
        if (typicalDuration == null) {
            return Optional.of("keyFacts.typicalDuration");
        }
        if (anaesthesia == null) {
            return Optional.of("keyFacts.anaesthesia");
        }
        if (sameDayDischarge == null) {
            return Optional.of("keyFacts.sameDayDischarge");
        }
        if (complicationRate == null) {
            return Optional.of("keyFacts.complicationRate");
        }
        return Optional.empty();
    }
}
