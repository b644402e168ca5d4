package org.clinicflow.systemtests.safety;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard log's controls are only as good as the tests that prove them. This reads
 * {@code docs/clinical-safety/hazard-log.md} and fails when a hazard names a test that no longer exists, names none,
 * lacks a field, or rates its risk other than the matrix says. It reads the sources rather than the compiled classes
 * because the tests it names live in every module.
 */
class HazardLogTest {

    /** Hazards DCB0129's log for this system must hold, as the clinic's safety review asked for them. */
    private static final List<String> REQUIRED = List.of("Double booking", "A lost or duplicated reminder",
            "A clock-change shift", "A message to the wrong patient", "Stale or unsigned content sent",
            "A lost follow-up or review", "A missed GP bone-density result", "A 48-hour breach nobody sees",
            "A red-flag self-referral booked as routine");

    private static final List<String> SEVERITIES = List.of("Minor", "Significant", "Considerable", "Major",
            "Catastrophic");
    private static final List<String> LIKELIHOODS = List.of("Very high", "High", "Medium", "Low", "Very low");
    /** Rows by likelihood (very high first), columns by severity (minor first), as the log's own matrix. */
    private static final int[][] MATRIX = {
            {3, 4, 4, 5, 5},
            {2, 3, 3, 4, 5},
            {2, 2, 3, 3, 4},
            {1, 2, 2, 3, 4},
            {1, 1, 2, 2, 3}};

    private static final Pattern HAZARD = Pattern.compile("(?m)^## (H\\d{2}) (.+)$");
    private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z]\\w*)#(\\w+)`");

    private record Hazard(String id, String title, String text) {

        String field(String name) {
            var matcher = Pattern.compile("(?m)^- " + name + ": (.+)$").matcher(text);
            return matcher.find() ? matcher.group(1).strip() : null;
        }
    }

    private static Path root;
    private static List<Hazard> hazards;
    private static Map<String, String> testSources;

    @BeforeAll
    static void readTheLogAndTheTests() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve(".ci"))) {
            root = root.getParent();
        }
        var log = Files.readString(root.resolve("docs/clinical-safety/hazard-log.md"));
        hazards = new ArrayList<>();
        var matcher = HAZARD.matcher(log);
        var starts = new ArrayList<int[]>();
        while (matcher.find()) {
            starts.add(new int[]{matcher.start(), matcher.end()});
        }
        matcher.reset();
        for (int i = 0; matcher.find(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : log.length();
            hazards.add(new Hazard(matcher.group(1), matcher.group(2).strip(), log.substring(matcher.end(), end)));
        }
        testSources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(path -> path.toString().contains("/src/test/java/"))
                    .filter(path -> path.getFileName().toString().endsWith(".java"))
                    .filter(path -> !path.toString().contains("/target/"))
                    // Two modules may each have a class of one name (DatabaseRulesIT): either may hold the test.
                    .forEach(path -> testSources.merge(path.getFileName().toString().replace(".java", ""),
                            read(path), (one, other) -> one + "\n" + other));
        }
    }

    @Test
    void everyHazardTheReviewAskedForIsInTheLog() {
        assertThat(hazards).extracting(Hazard::title).containsAll(REQUIRED);
    }

    @Test
    void everyHazardSaysItsCauseEffectRatingAndControl() {
        for (var hazard : hazards) {
            for (var field : List.of("Cause", "Effect", "Severity", "Likelihood", "Rating", "Control", "Proved by")) {
                assertThat(hazard.field(field)).as("%s %s: %s", hazard.id(), hazard.title(), field).isNotBlank();
            }
        }
    }

    @Test
    void everyRatingFollowsTheMatrixAndAHighOneSaysWhyItIsAccepted() {
        for (var hazard : hazards) {
            var severity = SEVERITIES.indexOf(hazard.field("Severity"));
            var likelihood = LIKELIHOODS.indexOf(hazard.field("Likelihood"));
            assertThat(severity).as("%s severity", hazard.id()).isNotNegative();
            assertThat(likelihood).as("%s likelihood", hazard.id()).isNotNegative();
            var rating = Integer.parseInt(hazard.field("Rating"));
            assertThat(rating).as("%s rating", hazard.id()).isEqualTo(MATRIX[likelihood][severity]);
            if (rating >= 3) {
                assertThat(hazard.field("Residual")).as("%s residual", hazard.id()).isNotBlank();
            }
        }
    }

    @Test
    void everyControlIsProvedByATestThatExists() {
        for (var hazard : hazards) {
            var proof = hazard.text().substring(hazard.text().indexOf("- Proved by:"));
            var references = TEST_REFERENCE.matcher(proof).results().toList();
            assertThat(references).as("%s names no test", hazard.id()).isNotEmpty();
            for (var reference : references) {
                var source = testSources.get(reference.group(1));
                assertThat(source).as("%s names %s, which is not a test class", hazard.id(), reference.group(1))
                        .isNotNull();
                assertThat(source).as("%s names %s#%s, which is not a test in it", hazard.id(), reference.group(1),
                                reference.group(2))
                        .containsPattern("@(?:Test|ParameterizedTest)\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*void " + reference.group(2) + "\\(");
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
