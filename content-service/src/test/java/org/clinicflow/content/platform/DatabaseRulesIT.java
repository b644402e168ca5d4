package org.clinicflow.content.platform;

import org.clinicflow.content.ContentServiceIT;
import org.clinicflow.platform.web.DatabaseRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A change the database refuses is answered with the rule it broke, so each rule of the schema must be written. */
class DatabaseRulesIT extends ContentServiceIT {

    @Autowired
    DatabaseRules rules;

    @Test
    void everyConstraintOfTheSchemaSaysWhatItProtects() {
        assertThat(rules.undescribed(jdbc)).as("constraints without a line in db/rules.properties").isEmpty();
    }
}
