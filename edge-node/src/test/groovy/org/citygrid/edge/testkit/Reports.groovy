package org.citygrid.edge.testkit

/** Patrol reports and photos as field devices send them. */
class Reports {

    private Reports() {
    }

    /** A report of device fd-01's linked worker inside the fixture's neighbourhood, with {@code overrides}. */
    static Map report(Map overrides = [:]) {
        [id: 'rpt-0001', category: 'C0101', position: [lon: 116.40325, lat: 39.91449],
         observedAt: '2026-03-02T02:15:00Z', text: 'manhole cover rocks under traffic', reporter: 'worker-1'] + overrides
    }

    /** A JPEG-looking photo of {@code size} bytes: far more than one CoAP message. */
    static byte[] photo(int size, int seed = 1) {
        def bytes = new byte[size]
        new Random(seed).nextBytes(bytes)
        bytes[0] = (byte) 0xff; bytes[1] = (byte) 0xd8; bytes[2] = (byte) 0xff
        bytes
    }
}
