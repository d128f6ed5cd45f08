package org.citygrid.api.open311;

import java.util.Map;
import org.citygrid.api.errors.Malformed;
import org.citygrid.api.validation.CityArea;
import org.citygrid.api.validation.Positions;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.text.TextRules;

/**
 * What a GeoReport v2 POST's form says, checked by the same rules as the API's reports: the spec's
 * {@code lat}/{@code long} (WGS 84) inside the city, and a description by grid-model's text rules (as the API's reports and the edge node's patrol reports). Contact details
 * (email, name, phone) are not read: the case cycle has no use for them and a leak of them would be
 * ours. {@code media_url} is not read either (the server would fetch arbitrary URLs).
 */
record Open311Form(GeoPoint position, String description) {

    static Open311Form check(Map<String, String> form, CityArea city) {
        GeoPoint where = position(form, city);
        return new Open311Form(where, Texts.accept(TextRules.description(), form.get("description")));
    }

    private static GeoPoint position(Map<String, String> form, CityArea city) {
        String lat = form.get("lat");
        String lon = form.get("long");
        if (lat == null || lon == null) {
            throw Malformed.request("invalid-position",
                    "lat and long are required (address_string and address_id alone are not geocoded)");
        }
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat);
            longitude = Double.parseDouble(lon);
        } catch (NumberFormatException e) {
            throw Malformed.request("invalid-position", "lat and long must be decimal degrees");
        }
        return Positions.toWgs84("position", longitude, latitude, "wgs84", city);
    }
}
