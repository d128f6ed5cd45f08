package org.citygrid.edge.coap;

import java.net.InetSocketAddress;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.citygrid.edge.devices.Device;
import org.citygrid.edge.devices.DeviceRegistry;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * The PSK store Scandium asks during each handshake, answering from whichever version of the
 * registry is current: a device added to the file can connect, and a revoked or removed one cannot
 * start a new session, without a restart. (Requests on a session opened before the revocation are
 * refused per request: see {@link Requester}.) Scandium's own store is built once per registry
 * version, so the registry itself stays free of Californium types.
 */
final class RegistryPskStore implements AdvancedPskStore {

    private record Keys(DeviceRegistry registry, AdvancedMultiPskStore store) {
    }

    private final Supplier<DeviceRegistry> registry;
    private volatile Keys keys;

    RegistryPskStore(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    private AdvancedMultiPskStore current() {
        DeviceRegistry now = registry.get();
        Keys known = keys;
        if (known == null || known.registry() != now) {
            AdvancedMultiPskStore store = new AdvancedMultiPskStore();
            for (Device d : now.active()) {
                store.setKey(d.pskIdentity(), d.keyBytes());
            }
            known = new Keys(now, store);
            keys = known;
        }
        return known.store();
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return current().hasEcdhePskSupported();
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
                                                  String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        return current().requestPskSecretResult(cid, serverName, identity, hmacAlgorithm, otherSecret, seed,
                useExtendedMasterSecret);
    }

    /** Only clients name an identity to use; a server never asks. */
    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null;
    }

    /** The registry's stores answer synchronously, so there is no later result to hand over. */
    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
    }
}
