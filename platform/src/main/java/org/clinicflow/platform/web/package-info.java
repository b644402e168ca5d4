/** Errors as RFC 9457 problem details that name what was wrong, never a stack trace. */
package org.clinicflow.platform.web;
