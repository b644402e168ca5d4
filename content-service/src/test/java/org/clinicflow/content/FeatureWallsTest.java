package org.clinicflow.content;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Each feature package is a module: another feature may use only what it exposes (its top-level package and its named
 * interfaces), never its insides, and no two features depend on each other in a circle. Fails on a wall crossed.
 * Controllers stay thin: HTTP in and out, and the SQL in the feature's services and queries.
 */
class FeatureWallsTest {

    @Test
    void noFeatureReachesIntoAnothersInsides() {
        ApplicationModules.of(ContentApplication.class).verify();
    }

    @Test
    void controllersHoldNoSql() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackagesOf(ContentApplication.class);
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(classes);
    }
}
