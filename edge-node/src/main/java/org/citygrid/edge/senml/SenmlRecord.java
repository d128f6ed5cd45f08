package org.citygrid.edge.senml;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One SenML record as it arrives, unresolved (RFC 8428 section 4). The JSON labels are the field
 * names; the CBOR representation uses the integer labels of section 6, which Jackson's CBOR parser
 * presents as their decimal text, hence the aliases.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SenmlRecord(
        @JsonProperty("bver") @JsonAlias("-1") Integer baseVersion,
        @JsonProperty("bn") @JsonAlias("-2") String baseName,
        @JsonProperty("bt") @JsonAlias("-3") Double baseTime,
        @JsonProperty("bu") @JsonAlias("-4") String baseUnit,
        @JsonProperty("bv") @JsonAlias("-5") Double baseValue,
        @JsonProperty("bs") @JsonAlias("-6") Double baseSum,
        @JsonProperty("n") @JsonAlias("0") String name,
        @JsonProperty("u") @JsonAlias("1") String unit,
        @JsonProperty("v") @JsonAlias("2") Double value,
        @JsonProperty("vs") @JsonAlias("3") String stringValue,
        @JsonProperty("vb") @JsonAlias("4") Boolean booleanValue,
        @JsonProperty("s") @JsonAlias("5") Double sum,
        @JsonProperty("t") @JsonAlias("6") Double time,
        @JsonProperty("ut") @JsonAlias("7") Double updateTime,
        @JsonProperty("vd") @JsonAlias("8") Object dataValue) {

    boolean hasValue() {
        return value != null || stringValue != null || booleanValue != null || dataValue != null || sum != null;
    }
}
