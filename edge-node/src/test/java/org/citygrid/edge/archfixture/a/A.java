package org.citygrid.edge.archfixture.a;

import org.citygrid.edge.archfixture.b.B;

/** One half of a package cycle: a uses b. */
public final class A {
    B partner;
}
