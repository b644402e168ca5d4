/** The start page: an invitation to sign in, or each role's own first page. */
package org.clinicflow.web.home;
