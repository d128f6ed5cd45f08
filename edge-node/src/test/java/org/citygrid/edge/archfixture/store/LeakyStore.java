package org.citygrid.edge.archfixture.store;

import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/** The violation the rule exists for: a Scandium type in a package other than the adapter (as devices had one). */
public final class LeakyStore {
    final AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
}
