package org.clinicflow.booking.availability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the session templates and exceptions read for availability are kept in memory
 * ({@code clinicflow.booking.session-rules-ttl}).
 *
 * @param sessionRulesTtl a change on another instance shows in searches after at most this long; the instance that
 *                        made it forgets its copy on commit
 */
@ConfigurationProperties("clinicflow.booking")
record SessionRulesProperties(@DefaultValue("PT5S") Duration sessionRulesTtl) {
}
