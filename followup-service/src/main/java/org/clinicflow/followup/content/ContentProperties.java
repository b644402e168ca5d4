package org.clinicflow.followup.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param baseUrl  content-service, whose published treatment pages are public
 * @param maxAge   how long a cached copy is trusted without asking content-service (events keep it fresh meanwhile)
 * @param timeout  for one fetch; a slow content-service must not hold up sending
 * @param openWait how long the breaker stays open before letting a trial call through
 */
@ConfigurationProperties("clinicflow.followup.content")
record ContentProperties(@DefaultValue("http://localhost:8082") String baseUrl,
                         @DefaultValue("10m") Duration maxAge,
                         @DefaultValue("2s") Duration timeout,
                         @DefaultValue("30s") Duration openWait) {
}
