/**
 * What the gateway says when it answers a request itself rather than passing it on: a refusal (too many requests, a
 * body too large, a missing CSRF token, no usable token), a path that is never served, or its own failure. A client of
 * the APIs always gets {@code application/problem+json}; a person at a screen gets a page in words. Nothing here
 * needs the web module, which may be the very part that is down.
 */
package org.clinicflow.gateway.answer;
