package org.citygrid.edge.archfixture.coap;

import org.eclipse.californium.core.CoapResource;

/** Allowed: the protocol adapter may use Californium. */
public final class Adapter extends CoapResource {
    public Adapter() {
        super("fixture");
    }
}
