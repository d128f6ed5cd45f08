package org.citygrid.cloud.archfixture.b;

import org.citygrid.cloud.archfixture.a.A;

/** Uses a, which uses b. */
public class B {
    A partner;
}
