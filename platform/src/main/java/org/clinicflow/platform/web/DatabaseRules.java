package org.clinicflow.platform.web;

import org.postgresql.util.PSQLException;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What each constraint of a service's schema protects, in words a client can act on. The database is the last guard
 * of the rules Java also checks (a slot taken twice, a patient in two places at once), and when it refuses a change
 * the answer names the rule that was broken and, where a client sent it, the field, rather than "conflict".
 * <p>
 * The rules are written beside the migrations, in {@code db/rules.properties} (and the platform's own tables' in
 * {@code db/platform/rules.properties}): one line per constraint or unique index, {@code name = field | what the rule is} (the field may be left out). Each service's tests check that every
 * constraint its schema has is described there ({@link #undescribed}).
 */
public final class DatabaseRules {

    /** PostgreSQL's SQLSTATEs for the kinds of constraint. */
    private static final String UNIQUE = "23505";
    private static final String EXCLUSION = "23P01";
    private static final String FOREIGN_KEY = "23503";

    /**
     * A rule the database enforced.
     *
     * @param constraint the constraint's name in the schema, as the problem's {@code rule}
     * @param field      the request field the rule is about, or null
     * @param conflict   the change collides with data already there (unique, exclusion): 409; otherwise it is itself
     *                   invalid (a check, a reference to nothing): 422
     */
    public record Broken(String constraint, String field, String detail, boolean conflict) {
    }

    private record Rule(String field, String detail) {
    }

    private final Map<String, Rule> rules;

    private DatabaseRules(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** The rules of the files that exist (with none, every refusal names its bare constraint). */
    public static DatabaseRules from(Resource... files) {
        var rules = new TreeMap<String, Rule>();
        for (var file : files) {
            if (!file.exists()) {
                continue;
            }
            var properties = new Properties();
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            properties.forEach((name, line) -> {
                var text = line.toString();
                int bar = text.indexOf('|');
                var field = bar < 0 ? "" : text.substring(0, bar).strip();
                var detail = (bar < 0 ? text : text.substring(bar + 1)).strip();
                rules.put(name.toString().strip(), new Rule(field.isEmpty() ? null : field, detail));
            });
        }
        return new DatabaseRules(rules);
    }

    /** The rule behind a refusal, when the refusal came from a named constraint of PostgreSQL. */
    public Optional<Broken> brokenBy(Throwable refusal) {
        for (var cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
                    && postgres.getServerErrorMessage().getConstraint() != null) {
                var constraint = postgres.getServerErrorMessage().getConstraint();
                var state = postgres.getSQLState();
                boolean conflict = UNIQUE.equals(state) || EXCLUSION.equals(state);
                var rule = rules.get(constraint);
                if (rule != null) {
                    return Optional.of(new Broken(constraint, rule.field(), rule.detail(), conflict));
                }
                var detail = FOREIGN_KEY.equals(state) ? "refers to a record that does not exist"
                        : "breaks the rule " + constraint;
                return Optional.of(new Broken(constraint, null, detail, conflict));
            }
        }
        return Optional.empty();
    }

    /**
     * The constraints and unique indexes of the schema that have no line in the rules: each of them would be answered
     * by its bare name. Primary keys and not-null columns are left out: ids are made by the services, and a missing
     * value is refused by validation before it reaches the database.
     */
    public List<String> undescribed(JdbcClient database) {
        return database.sql("""
                        select conname as name from pg_constraint
                         where connamespace = current_schema()::regnamespace and contype in ('c', 'u', 'x', 'f')
                        union
                        select index.relname from pg_index i join pg_class index on index.oid = i.indexrelid
                         where i.indisunique and not i.indisprimary
                           and index.relnamespace = current_schema()::regnamespace
                           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                        order by 1""")
                .query(String.class).list().stream()
                .filter(name -> !rules.containsKey(name) && !name.startsWith("flyway_"))
                .toList();
    }
}
