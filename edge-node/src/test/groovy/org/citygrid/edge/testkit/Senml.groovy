package org.citygrid.edge.testkit

import com.fasterxml.jackson.dataformat.cbor.CBORFactory
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator

/** SenML packs as devices send them. */
class Senml {

    /** RFC 8428 section 6: the integer labels of the CBOR representation. */
    static final Map<String, Integer> LABELS = [bver: -1, bn: -2, bt: -3, bu: -4, bv: -5, bs: -6,
                                                n: 0, u: 1, v: 2, vs: 3, vb: 4, s: 5, t: 6, ut: 7, vd: 8]

    /** A pack in CBOR with integer labels, as constrained devices write it (not text labels). */
    static byte[] cbor(List<Map<String, Object>> pack) {
        def out = new ByteArrayOutputStream()
        CBORGenerator gen = new CBORFactory().createGenerator(out)
        gen.writeStartArray()
        pack.each { record ->
            gen.writeStartObject()
            record.each { label, value ->
                gen.writeFieldId(LABELS[label])
                writeValue(gen, value)
            }
            gen.writeEndObject()
        }
        gen.writeEndArray()
        gen.close()
        out.toByteArray()
    }

    private static void writeValue(CBORGenerator gen, Object value) {
        switch (value) {
            case String -> gen.writeString(value as String)
            case Boolean -> gen.writeBoolean(value as boolean)
            case Integer, Long -> gen.writeNumber(value as long)
            case Number -> gen.writeNumber(value as double)
            case byte[] -> gen.writeBinary(value as byte[])
            default -> throw new IllegalArgumentException("no SenML value: $value")
        }
    }
}
