package org.clinicflow.followup.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Real channels when configured (SMTP through {@code spring.mail.host}, SMS through
 * {@code clinicflow.followup.sms.base-url}); otherwise log-only channels, so that a local run needs no provider.
 * Exactly one sender per channel: an empty setting counts as not set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class ChannelConfiguration {

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty()")
    ChannelSender smtpEmail(JavaMailSender mail, @Value("${clinicflow.followup.email.from}") String from) {
        return new SmtpEmailSender(mail, from);
    }

    @Bean
    @ConditionalOnExpression("!'${clinicflow.followup.sms.base-url:}'.isEmpty()")
    ChannelSender notifySms(@Value("${clinicflow.followup.sms.base-url}") String baseUrl,
                            @Value("${clinicflow.followup.sms.api-key}") String apiKey,
                            @Value("${clinicflow.followup.sms.template-id}") String templateId,
                            DispatchProperties properties) {
        return new NotifySmsSender(baseUrl, apiKey, templateId, properties.sendTimeout());
    }

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    ChannelSender logOnlyEmail() {
        return new LoggingSender(Channel.EMAIL);
    }

    @Bean
    @ConditionalOnExpression("'${clinicflow.followup.sms.base-url:}'.isEmpty()")
    ChannelSender logOnlySms() {
        return new LoggingSender(Channel.SMS);
    }
}
