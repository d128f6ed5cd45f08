package org.citygrid.edge.devices;

import java.net.InetSocketAddress;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * The PSK store Scandium asks during each handshake, answering from whichever version of the
 * registry is current: a device added to the file can connect, and a revoked or removed one cannot
 * start a new session, without a restart. (Requests on a session opened before the revocation are
 * refused per request: see the CoAP side.)
 */
public final class RegistryPskStore implements AdvancedPskStore {

    private final Supplier<DeviceRegistry> registry;

    public RegistryPskStore(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return registry.get().pskStore().hasEcdhePskSupported();
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
                                                  String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        return registry.get().pskStore().requestPskSecretResult(cid, serverName, identity, hmacAlgorithm, otherSecret,
                seed, useExtendedMasterSecret);
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
