/**
 * Deliberate violations of cloud-backend's architecture rules, one per rule, so that
 * {@code CloudArchitectureSpec} shows each rule failing; and one lawful use of each thing a rule
 * confines, so it shows the rule is about where, not whether. Never used by anything else.
 */
package org.citygrid.cloud.archfixture;
