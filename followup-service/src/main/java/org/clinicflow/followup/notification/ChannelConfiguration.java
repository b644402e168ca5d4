package org.clinicflow.followup.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.TimedNotificationClient;

/**
 * Real channels when configured: texts through GOV.UK Notify at {@code clinicflow.followup.sms.base-url}; email over
 * SMTP through {@code spring.mail.host}, or through Notify when {@code clinicflow.followup.email.via} is {@code notify}.
 * Otherwise log-only channels, so that a local run needs no provider. Exactly one sender per channel: an empty setting
 * counts as not set, and email through Notify without Notify configured leaves email with no sender, which stops the
 * service at start rather than lose messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchProperties.class, NotifyProperties.class, EmailProperties.class})
class ChannelConfiguration {

    static final String NOTIFY_CONFIGURED = "!'${clinicflow.followup.sms.base-url:}'.isEmpty()";
    private static final String EMAIL_VIA_NOTIFY = "'${clinicflow.followup.email.via:smtp}' == 'notify'";
    private static final String EMAIL_VIA_SMTP = "'${clinicflow.followup.email.via:smtp}' != 'notify'";

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty() and " + EMAIL_VIA_SMTP)
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
        return new NotifySender(notify, Channel.SMS, properties.templateId());
    }

    @Bean
    @ConditionalOnExpression(NOTIFY_CONFIGURED + " and " + EMAIL_VIA_NOTIFY)
    ChannelSender notifyEmail(NotificationClient notify, EmailProperties email) {
        return new NotifySender(notify, Channel.EMAIL, email.notifyTemplateId());
    }

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty() and " + EMAIL_VIA_SMTP)
    ChannelSender logOnlyEmail() {
        return new LoggingSender(Channel.EMAIL);
    }

    @Bean
    @ConditionalOnExpression("'${clinicflow.followup.sms.base-url:}'.isEmpty()")
    ChannelSender logOnlySms() {
        return new LoggingSender(Channel.SMS);
    }
}
