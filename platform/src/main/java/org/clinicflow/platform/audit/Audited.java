package org.clinicflow.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads or changes patient data: every call to it, allowed, refused or failed, leaves an
 * {@code audit_record}. Expressions are SpEL over the method's parameters by name ({@code #id}, {@code #request}) and,
 * once the method has returned, {@code #result} (the body when the method returns a {@code ResponseEntity}). On a
 * refused or failed call {@code #result} is null, so write {@code #result?.patientId()} where the patient comes from
 * the result. Code that learns a patient id only while it works adds it with {@link AuditScope#patients}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    AuditAction action();

    /** The kind of record, in the domain's words: {@code patient}, {@code appointment}, {@code clinic-list}. */
    String record();

    /** The record's id; empty when the call names no single record. */
    String id() default "";

    /** A UUID or a collection of UUIDs: the patients whose data the call reaches; empty when none are known. */
    String patients() default "";
}
