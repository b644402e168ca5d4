/** content-service: treatment information that patients read, published only after a surgeon signs it off. */
package org.clinicflow.content;
