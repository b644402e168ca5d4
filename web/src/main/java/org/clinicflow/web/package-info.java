/**
 * The clinic's screens, one package per group of people's work: the desk, the diary, what needs doing, surgeons'
 * lists and clinic administration. Pages call the services' public APIs with the signed-in user's token and never
 * read a database (ADR 11).
 */
package org.clinicflow.web;
