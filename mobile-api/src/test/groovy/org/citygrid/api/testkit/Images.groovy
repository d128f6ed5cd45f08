package org.citygrid.api.testkit

/** Smallest byte strings that are (or pretend to be) images. */
class Images {
    static byte[] jpeg(int salt = 0) {
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + 'JFIF'.bytes.toList() + [0, 1, 1, 0, salt & 0xFF, (salt >> 8) & 0xFF, 0xFF, 0xD9]) as byte[]
    }

    static byte[] png() {
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [0] * 16) as byte[]
    }

    static byte[] script() {
        '<script>alert(1)</script>'.bytes
    }
}
