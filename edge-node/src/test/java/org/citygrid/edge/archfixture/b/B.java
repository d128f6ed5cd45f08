package org.citygrid.edge.archfixture.b;

import org.citygrid.edge.archfixture.a.A;

/** The other half: b uses a. */
public final class B {
    A partner;
}
