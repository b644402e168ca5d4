package org.clinicflow.platform.audit;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Advisors are created before ordinary beans; this one looks up the trail and the transaction manager on first use so
 * that it does not drag them (and the data source) into being that early.
 */
final class LazyAuditingInterceptor implements MethodInterceptor {

    private final ObjectProvider<AuditTrail> trail;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private volatile AuditingInterceptor delegate;

    LazyAuditingInterceptor(ObjectProvider<AuditTrail> trail, ObjectProvider<PlatformTransactionManager> transactions) {
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        var current = delegate;
        if (current == null) {
            current = new AuditingInterceptor(trail.getObject(), transactions.getObject());
            delegate = current;
        }
        return current.invoke(invocation);
    }
}
