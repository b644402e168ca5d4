package org.clinicflow.web.editing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What changed between two texts, line by line: the lines both share in order (a longest common subsequence), and
 * around them the lines taken out of the old text and put into the new one. A reviewing surgeon reads it top to
 * bottom, so a change shows its removed lines before the lines that replace them.
 * <p>
 * Texts are compared as content-service stores them (line ends as LF, outer whitespace gone), so that a line ending
 * typed on another system is not a change. Sections are at most 20,000 characters, a few hundred lines, so the
 * quadratic table stays small.
 */
final class LineDiff {

    enum Change { SAME, REMOVED, ADDED }

    /** One line of the comparison; {@code text} never null, empty for a blank line. */
    record Line(Change change, String text) {

        public boolean same() {
            return change == Change.SAME;
        }

        public boolean removed() {
            return change == Change.REMOVED;
        }

        public boolean added() {
            return change == Change.ADDED;
        }
    }

    private LineDiff() {
    }

    /** @param before the published text, null when there is none; @param after the text under review, null likewise */
    static List<Line> between(String before, String after) {
        var old = lines(before);
        var now = lines(after);
        // common[i][j]: how many lines old[i..] and now[j..] share in order.
        var common = new int[old.size() + 1][now.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(now.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        var result = new ArrayList<Line>();
        int i = 0;
        int j = 0;
        while (i < old.size() || j < now.size()) {
            if (i < old.size() && j < now.size() && old.get(i).equals(now.get(j))) {
                result.add(new Line(Change.SAME, old.get(i++)));
                j++;
            } else if (j == now.size() || (i < old.size() && common[i + 1][j] >= common[i][j + 1])) {
                result.add(new Line(Change.REMOVED, old.get(i++)));
            } else {
                result.add(new Line(Change.ADDED, now.get(j++)));
            }
        }
        return result;
    }

    /** Whether the comparison holds any change at all. */
    static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(line -> !line.same());
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return Collections.emptyList();
        }
        var normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return normalised.isEmpty() ? Collections.emptyList() : List.of(normalised.split("\n", -1));
    }
}
