/** What anyone may read without logging in: the published version of each treatment, cheap to read again. */
package org.clinicflow.content.reading;
