package org.clinicflow.platform.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
public class InboxConfiguration {

    @Bean
    Inbox inbox(JdbcClient jdbc, JsonMapper json) {
        return new Inbox(jdbc, json);
    }
}
