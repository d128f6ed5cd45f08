package org.citygrid.cloud.archfixture.a;

import org.citygrid.cloud.archfixture.b.B;

/** Uses b, which uses a: a package cycle. */
public class A {
    B partner;
}
