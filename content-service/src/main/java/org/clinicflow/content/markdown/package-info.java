/** Markdown as editors write it, turned into HTML that is safe to show on any page. */
package org.clinicflow.content.markdown;
