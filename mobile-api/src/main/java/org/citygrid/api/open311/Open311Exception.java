package org.citygrid.api.open311;

/** An error answered in GeoReport v2's own format: {@code [{"code": 400, "description": "..."}]}. */
public class Open311Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public Open311Exception(int code, String description) {
        super(description);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
