package org.clinicflow.content.signoff;

import org.clinicflow.platform.rules.RefusedByRule;

/** A version's sign-off rules refused a step; {@link #rule()} says which. */
final class VersionRefused extends RefusedByRule {

    /** The rules of a version's way to publication. */
    public enum Rule {
        /** Only a draft or a returned version is edited. */
        NOT_EDITABLE,
        /** The step does not follow from the version's status (approving a draft, publishing one in review). */
        NO_SUCH_STEP,
        /** A treatment has one version in work at a time (draft, in review or returned), so reviewers read one text. */
        ONE_OPEN_VERSION
    }

    VersionRefused(Rule rule, String message) {
        super(rule.name(), message);
    }
}
