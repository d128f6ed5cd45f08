/**
 * Deliberate violations of edge-node's architecture rules, for {@code EdgeArchitectureSpec} to show
 * that its rules catch them: a Californium type outside the protocol adapter ({@code store}), and a
 * package cycle ({@code a} and {@code b}). Test code only; never imported by anything else.
 */
package org.citygrid.edge.archfixture;
