package org.citygrid.model.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import org.citygrid.model.casenumber.CaseNumber;
import org.citygrid.model.category.SensorType;
import org.citygrid.model.geo.Crs;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.indicator.Counter;
import org.citygrid.model.indicator.IndicatorKey;

/**
 * The JSON form of domain types, as Jackson mix-ins: each one stands for a domain type and carries
 * the annotations the type itself does not. A mix-in's methods are never called; they name the
 * domain type's method of the same signature that Jackson should use. {@link WireJson#module()}
 * attaches them.
 */
final class WireMixIns {

    private WireMixIns() {
    }

    /** A sealed action or change names its variant in {@code "type"}: {@code {"type": "Dispatch", ...}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    interface TypedByName {
    }

    /** A grid code is its 14 or 15 digits: {@code "110101001001023"}. */
    abstract static class GridCodeAsText {

        @JsonCreator
        static GridCode parse(String text) {
            throw new AssertionError("a mix-in is never called");
        }

        @JsonValue
        abstract String value();
    }

    /** A case number is its text: {@code "2026-110101-0000123"}. */
    abstract static class CaseNumberAsText {

        @JsonCreator
        static CaseNumber parse(String text) {
            throw new AssertionError("a mix-in is never called");
        }

        @JsonValue
        abstract String value();
    }

    /** A counter is its name; a tally written under a counter's earlier name reads as the renamed one. */
    abstract static class CounterByName {

        @JsonCreator
        static Counter byName(String name) {
            throw new AssertionError("a mix-in is never called");
        }
    }

    /** A sensor type is its wire id: {@code "manhole-tilt"}. */
    abstract static class SensorTypeById {

        @JsonCreator
        static SensorType ofId(String id) {
            throw new AssertionError("a mix-in is never called");
        }

        @JsonValue
        abstract String id();
    }

    /** A coordinate system is its wire name ({@code "wgs84"}); any accepted alias reads. */
    abstract static class CrsByWireName {

        @JsonCreator
        static Crs parse(String name) {
            throw new AssertionError("a mix-in is never called");
        }

        @JsonValue
        abstract String wireName();
    }

    /** An indicator key names its dimension: {@code {"dimension": "area", "level": "STREET", "code": "110101001"}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "dimension")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = IndicatorKey.Area.class, name = "area"),
            @JsonSubTypes.Type(value = IndicatorKey.Department.class, name = "department"),
            @JsonSubTypes.Type(value = IndicatorKey.Person.class, name = "person"),
            @JsonSubTypes.Type(value = IndicatorKey.Category.class, name = "category")})
    interface IndicatorKeyByDimension {
    }

    /** A tally is its non-zero counts, {@code {"counts": {"FILED": 3}}}; whether it is zero follows from them. */
    abstract static class TallyCountsOnly {

        @JsonIgnore
        abstract boolean isZero();
    }
}
