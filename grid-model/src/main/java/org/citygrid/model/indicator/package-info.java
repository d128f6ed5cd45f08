/**
 * Evaluation indicators (综合评价): what a case history adds up to per area, department, person and
 * category.
 *
 * <p>{@link org.citygrid.model.indicator.IndicatorFacts} turns one case event into counter
 * increments by {@link org.citygrid.model.indicator.IndicatorKey}; an
 * {@link org.citygrid.model.indicator.IndicatorTally} adds them up in any order and grouping;
 * {@link org.citygrid.model.indicator.Indicators} computes the rates from a tally. The batch
 * {@link org.citygrid.model.indicator.IndicatorCalculator} and a streaming aggregation share the
 * facts and the tally, so they agree.
 */
package org.citygrid.model.indicator;
