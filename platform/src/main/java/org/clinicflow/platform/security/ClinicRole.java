package org.clinicflow.platform.security;

/**
 * The realm roles of Keycloak realm {@code clinic}. Spring Security sees each as authority {@code ROLE_<name>},
 * so {@code hasRole(ClinicRole.RECEPTIONIST)} reads as the role's own name.
 */
public final class ClinicRole {

    public static final String RECEPTIONIST = "receptionist";
    public static final String SURGEON = "surgeon";
    public static final String PATIENT = "patient";
    public static final String CONTENT_EDITOR = "content-editor";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private ClinicRole() {
    }
}
