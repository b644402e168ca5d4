package org.clinicflow.platform.audit;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Audit trail for every service with a database. {@code clinicflow.audit.path} (such as {@code /api/booking/audit})
 * adds the clinic-admin query endpoint.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnBean(JdbcClient.class)
public class AuditConfiguration {

    /**
     * Runs before method security ({@code @PreAuthorize} is ordered 200 by Spring Security) so that its refusals are
     * recorded, and before the method's own {@code @Transactional}, which then joins the audit's transaction.
     */
    static final int ORDER = 50;

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc) {
        return new AuditTrail(jdbc);
    }

    /** Infrastructure role: Spring's own auto-proxy creator applies only such advisors when AspectJ is absent. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditingAdvisor(ObjectProvider<AuditTrail> trail,
                                   ObjectProvider<PlatformTransactionManager> transactions) {
        var advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class),
                new LazyAuditingInterceptor(trail, transactions));
        advisor.setOrder(ORDER);
        return advisor;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty("clinicflow.audit.path")
    @Import(AuditController.class)
    static class QueryEndpoint {
    }
}
