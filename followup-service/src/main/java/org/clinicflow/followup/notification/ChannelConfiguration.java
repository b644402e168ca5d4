package org.clinicflow.followup.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.TimedNotificationClient;

/**
 * Real channels when configured (SMTP through {@code spring.mail.host}, texts through GOV.UK Notify at
 * {@code clinicflow.followup.sms.base-url}); otherwise log-only channels, so that a local run needs no provider.
 * Exactly one sender per channel: an empty setting counts as not set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchProperties.class, NotifyProperties.class, EmailProperties.class})
class ChannelConfiguration {

    static final String NOTIFY_CONFIGURED = "!'${clinicflow.followup.sms.base-url:}'.isEmpty()";

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty()")
    ChannelSender smtpEmail(JavaMailSender mail, EmailProperties email) {
        return new SmtpEmailSender(mail, email.from());
    }

    @Bean
    @ConditionalOnExpression(NOTIFY_CONFIGURED)
    NotificationClient notify(NotifyProperties notify, DispatchProperties dispatch) {
        return new TimedNotificationClient(notify.apiKey(), notify.baseUrl(), dispatch.sendTimeout());
    }

    @Bean
    @ConditionalOnExpression(NOTIFY_CONFIGURED)
    ChannelSender notifySms(NotificationClient notify, NotifyProperties properties) {
        return new NotifySmsSender(notify, properties.templateId());
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
